using System.Text.Json;
using GongCrmBridge.Sandbox.Store;

namespace GongCrmBridge.Sandbox;

/// <summary>Thread-safe read views of the emulator's data for tests. Every member returns a snapshot.
/// Reading completes asynchronous requests whose processing is due (as a status poll would).</summary>
internal sealed class SandboxState
{
    private readonly SandboxStore _store;
    private readonly CompanyStore _company;
    private readonly long[] _calls = new long[Enum.GetValues<SandboxRoute>().Length];
    private long _rateLimited;
    private long _unauthorized;
    private long _requests;

    internal SandboxState(SandboxStore store, CompanyStore company)
    {
        _store = store;
        _company = company;
    }

    /// <summary>Gets the number of HTTP requests received, whatever their path (unknown ones included).</summary>
    public long RequestCount => Interlocked.Read(ref _requests);

    /// <summary>Gets the company's Gong users.</summary>
    public IReadOnlyList<SandboxUser> Users => _company.Users;

    /// <summary>Gets the company's calls (seeded and added), erasures that are due carried out first.</summary>
    public IReadOnlyList<SandboxCall> Calls => _company.Calls();

    /// <summary>Gets the number of data-privacy erasures accepted and not carried out yet.</summary>
    public int PendingErasures => _company.PendingErasures;

    /// <summary>Gets the registered integration, or <see langword="null"/>.</summary>
    public SandboxIntegration? Integration => _store.Integration;

    /// <summary>Gets the number of accepted uploads (201).</summary>
    public int UploadCount => _store.UploadCount;

    /// <summary>Gets every accepted upload, in order of acceptance.</summary>
    public IReadOnlyList<SandboxUpload> Uploads => _store.Uploads();

    /// <summary>Gets the number of calls answered 429 by the real rate limit (not by injected faults).</summary>
    public long RateLimitedCallCount => Interlocked.Read(ref _rateLimited);

    /// <summary>Gets the number of calls answered 401.</summary>
    public long UnauthorizedCallCount => Interlocked.Read(ref _unauthorized);

    /// <summary>Returns the active schema fields of an object type.</summary>
    /// <param name="objectType">The wire name, e.g. <c>DEAL</c>.</param>
    /// <returns>The fields in declaration order; empty when none.</returns>
    public IReadOnlyList<SandboxSchemaField> Schema(string objectType) =>
        [.. _store.Schema(objectType).Select(f => f.ToPublic())];

    /// <summary>Returns the stored objects of an object type: the latest applied record per objectId.</summary>
    /// <param name="objectType">The wire name, e.g. <c>ACCOUNT</c> or <c>BUSINESS_USER</c>.</param>
    /// <returns>The records by objectId.</returns>
    public IReadOnlyDictionary<string, JsonElement> Objects(string objectType) => _store.Objects(objectType);

    /// <summary>Returns the number of calls received on every route (including those answered 401, 429 or by a fault).</summary>
    /// <returns>The total.</returns>
    public long CallCount()
    {
        long total = 0;
        for (var i = 0; i < _calls.Length; i++)
        {
            total += Interlocked.Read(ref _calls[i]);
        }

        return total;
    }

    /// <summary>Returns the number of calls received on one route.</summary>
    /// <param name="route">The endpoint.</param>
    /// <returns>The count.</returns>
    public long CallCount(SandboxRoute route) => Interlocked.Read(ref _calls[(int)route]);

    internal void CountRequest() => Interlocked.Increment(ref _requests);

    internal void CountCall(SandboxRoute route) => Interlocked.Increment(ref _calls[(int)route]);

    internal void CountRateLimited() => Interlocked.Increment(ref _rateLimited);

    internal void CountUnauthorized() => Interlocked.Increment(ref _unauthorized);
}

using System.Text.Json;
using Flurl.Http;
using GongCrmBridge.Gong.Api;
using GongCrmBridge.Gong.Operations;
using GongCrmBridge.Gong.Transport;
using GongCrmBridge.Gong.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GongCrmBridge.Gong;

/// <summary>The Gong API client: the Generic CRM operations (<see cref="IGongCrmClient"/>, the pipeline's) and one
/// property per other API area (<see cref="Users"/>, <see cref="Calls"/>, …), 54 operations in all
/// (<see cref="GongOperations"/>). Every call goes through one Polly pipeline (retry → shared rate limiter →
/// per-attempt timeout) and one call counter.</summary>
/// <remarks>Thread-safe: share one instance per Gong company so that its rate limiter sees every call.</remarks>
public sealed partial class GongCrmClient : IGongCrmClient, IDisposable
{
    /// <summary>Gong's maximum number of objectIds per <c>GET /v2/crm/entities</c> call.</summary>
    public const int MaxObjectIdsPerCall = GongOperations.MaxObjectIdsPerGet;

    private readonly GongTransport _transport;

    /// <summary>Initializes a new instance of the <see cref="GongCrmClient"/> class.</summary>
    /// <param name="options">The settings; validated here. The client keeps a copy: changing them later changes nothing.</param>
    /// <param name="logger">Receives retries and failures (never credentials or record data).</param>
    /// <exception cref="ArgumentException">An option is invalid (the message names it).</exception>
    public GongCrmClient(GongClientOptions options, ILogger<GongCrmClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Copy();
        settings.Validate();
        _transport = new GongTransport(settings, (ILogger?)logger ?? NullLogger.Instance);
        Users = new UsersApi(_transport);
        Calls = new CallsApi(_transport);
        Stats = new StatsApi(_transport);
        Flows = new FlowsApi(_transport);
        Meetings = new MeetingsApi(_transport);
        Permissions = new PermissionsApi(_transport);
        Library = new LibraryApi(_transport);
        Settings = new SettingsApi(_transport);
        Privacy = new DataPrivacyApi(_transport);
        Engagement = new EngagementApi(_transport);
        Logs = new LogsApi(_transport);
        Workspaces = new WorkspacesApi(_transport);
        Coaching = new CoachingApi(_transport);
        IntegrationSettings = new IntegrationSettingsApi(_transport);
    }

    /// <inheritdoc/>
    public long CallsMade => _transport.CallsMade;

    /// <summary>Gets the users: list, one, settings history, by filter.</summary>
    public UsersApi Users { get; }

    /// <summary>Gets the calls: list, one, extensive, transcripts, add, media, manual CRM associations.</summary>
    public CallsApi Calls { get; }

    /// <summary>Gets the activity, scorecard and interaction stats.</summary>
    public StatsApi Stats { get; }

    /// <summary>Gets the Engage flows.</summary>
    public FlowsApi Flows { get; }

    /// <summary>Gets the meetings (Gong's Beta).</summary>
    public MeetingsApi Meetings { get; }

    /// <summary>Gets the permission profiles and individual call access.</summary>
    public PermissionsApi Permissions { get; }

    /// <summary>Gets the call library.</summary>
    public LibraryApi Library { get; }

    /// <summary>Gets the scorecard and tracker settings.</summary>
    public SettingsApi Settings { get; }

    /// <summary>Gets the data-privacy lookups and erases.</summary>
    public DataPrivacyApi Privacy { get; }

    /// <summary>Gets the engagement events and digital interactions.</summary>
    public EngagementApi Engagement { get; }

    /// <summary>Gets the audit logs.</summary>
    public LogsApi Logs { get; }

    /// <summary>Gets the workspaces.</summary>
    public WorkspacesApi Workspaces { get; }

    /// <summary>Gets the coaching metrics.</summary>
    public CoachingApi Coaching { get; }

    /// <summary>Gets the integration settings.</summary>
    public IntegrationSettingsApi IntegrationSettings { get; }

    /// <summary>Gets the Flurl client (tests hook its events to time-stamp attempts).</summary>
    internal IFlurlClient Http => _transport.Http;

    /// <summary>Sends any request as it is and returns Gong's JSON untouched: for fields the typed models do not know
    /// yet, and for the command line, which prints what Gong sent.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Gong's JSON; <see langword="null"/> when Gong sent no body, or answered "nothing found"
    /// (<see cref="GongOperation.EmptyWhenNotFound"/>).</returns>
    /// <exception cref="ArgumentException">The request lacks a required parameter, its body or its file.</exception>
    public Task<JsonElement?> SendAsync(GongRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendRawAsync(request, cancellationToken);
    }

    /// <summary>Sends a paged request and every following one, yielding Gong's pages untouched.</summary>
    /// <param name="request">The request of the first page.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The pages, fetched as they are asked for.</returns>
    /// <exception cref="InvalidOperationException">The operation does not page.</exception>
    public IAsyncEnumerable<JsonElement> PagesAsync(GongRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _transport.PagesAsync(request, GongJson.TypeInfo<JsonElement>(), CursorOf, cancellationToken);
    }

    /// <summary>Describes the HTTP request <see cref="SendAsync"/> would send, the credentials masked.</summary>
    /// <param name="request">The request.</param>
    /// <returns>Method, URL, headers and body.</returns>
    public GongRequestPreview Preview(GongRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _transport.Preview(request);
    }

    /// <inheritdoc/>
    public void Dispose() => _transport.Dispose();

    private static string? CursorOf(JsonElement page) =>
        page.ValueKind == JsonValueKind.Object
        && page.TryGetProperty("records", out var records) && records.ValueKind == JsonValueKind.Object
        && records.TryGetProperty("cursor", out var cursor) && cursor.ValueKind == JsonValueKind.String
            ? cursor.GetString()
            : null;

    private async Task<JsonElement?> SendRawAsync(GongRequest request, CancellationToken cancellationToken)
    {
        var body = await _transport.SendAsync(request, GongJson.TypeInfo<JsonElement>(), cancellationToken).ConfigureAwait(false);
        return body.ValueKind == JsonValueKind.Undefined ? null : body;
    }
}

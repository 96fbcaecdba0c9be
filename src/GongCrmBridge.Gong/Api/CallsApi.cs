using GongCrmBridge.Gong.Operations;
using GongCrmBridge.Gong.Transport;

namespace GongCrmBridge.Gong.Api;

/// <summary>Gong's calls: list, one, extensive (with CRM context), transcripts, adding a call and its media, and the
/// calls linked to CRM objects by hand.</summary>
public sealed class CallsApi
{
    private readonly GongTransport _transport;

    internal CallsApi(GongTransport transport) => _transport = transport;

    /// <summary><c>GET /v2/calls</c>: the calls that started in a time range, page by page.</summary>
    /// <param name="from">Calls that started at or after this time; <see langword="null"/>: from the first call.</param>
    /// <param name="to">Calls that started before this time; <see langword="null"/>: up to the latest.</param>
    /// <param name="workspaceId">Only this workspace's calls.</param>
    /// <param name="cursor">Resume at this cursor, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The pages; none when no call matches (Gong's 404).</returns>
    /// <remarks>Gong's document marks both dates required, but describes (and Gong applies) defaults without them.</remarks>
    public IAsyncEnumerable<CallsPage> ListAsync(
        DateTimeOffset? from = null,
        DateTimeOffset? to = null,
        string? workspaceId = null,
        string? cursor = null,
        CancellationToken cancellationToken = default) =>
        _transport.PagesAsync(
            new GongRequest(GongOperations.ListCalls)
                .WithQuery("fromDateTime", from)
                .WithQuery("toDateTime", to)
                .WithQuery("workspaceId", workspaceId)
                .From(cursor),
            GongApiJson.Default.CallsPage,
            cancellationToken);

    /// <summary><c>GET /v2/calls/{id}</c>: one call's metadata.</summary>
    /// <param name="callId">Gong's id of the call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The answer, with the call.</returns>
    public Task<CallResponse> GetAsync(string callId, CancellationToken cancellationToken = default) =>
        _transport.CallAsync(new GongRequest(GongOperations.GetCall).WithPath("id", callId), GongApiJson.Default.CallResponse, cancellationToken);

    /// <summary><c>POST /v2/calls/extensive</c>: calls with what <paramref name="contentSelector"/> asks for — CRM
    /// context (the accounts, deals, contacts a call is linked to), parties, content, interaction — page by page.</summary>
    /// <param name="filter">Which calls.</param>
    /// <param name="contentSelector">What to return besides metadata; <see langword="null"/>: metadata only.</param>
    /// <param name="cursor">Resume at this cursor, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The pages; none when no call matches.</returns>
    public IAsyncEnumerable<CallsExtensivePage> ListExtensiveAsync(
        CallsExtensiveFilter filter,
        ContentSelector? contentSelector = null,
        string? cursor = null,
        CancellationToken cancellationToken = default) =>
        _transport.PagesAsync(
            ApiSend.WithJson(
                GongOperations.ListCallsExtensive,
                new CallsExtensiveRequest { Filter = filter, ContentSelector = contentSelector },
                GongApiJson.Default.CallsExtensiveRequest).From(cursor),
            GongApiJson.Default.CallsExtensivePage,
            cancellationToken);

    /// <summary><c>POST /v2/calls/transcript</c>: the transcripts of the calls matching a filter, page by page.</summary>
    /// <param name="filter">Which calls.</param>
    /// <param name="cursor">Resume at this cursor, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The pages; none when no call matches.</returns>
    public IAsyncEnumerable<TranscriptsPage> ListTranscriptsAsync(CallsFilter filter, string? cursor = null, CancellationToken cancellationToken = default) =>
        _transport.PagesAsync(
            ApiSend.WithJson(GongOperations.GetCallTranscripts, new TranscriptsRequest { Filter = filter }, GongApiJson.Default.TranscriptsRequest).From(cursor),
            GongApiJson.Default.TranscriptsPage,
            cancellationToken);

    /// <summary><c>POST /v2/calls</c>: adds a call; upload its recording with <see cref="AddMediaAsync"/>.</summary>
    /// <param name="call">The call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The answer, with the new call's id.</returns>
    public Task<NewCallResponse> AddAsync(NewCallRequest call, CancellationToken cancellationToken = default) =>
        _transport.CallAsync(ApiSend.WithJson(GongOperations.AddCall, call, GongApiJson.Default.NewCallRequest), GongApiJson.Default.NewCallResponse, cancellationToken);

    /// <summary><c>PUT /v2/calls/{id}/media</c>: uploads a call's recording (WAV, MP3, MP4, MKV, FLAC…), streamed from disk.</summary>
    /// <param name="callId">The id <see cref="AddAsync"/> returned.</param>
    /// <param name="mediaFile">The recording.</param>
    /// <param name="contentType">Its media type.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The answer.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public Task<CallMediaResponse> AddMediaAsync(string callId, string mediaFile, string contentType = "application/octet-stream", CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mediaFile);
        if (!File.Exists(mediaFile))
        {
            throw new FileNotFoundException("The media file does not exist.", mediaFile);
        }

        var request = new GongRequest(GongOperations.AddCallRecording).WithPath("id", callId).WithFile(mediaFile, contentType);
        return _transport.CallAsync(request, GongApiJson.Default.CallMediaResponse, cancellationToken);
    }

    /// <summary><c>GET /v2/calls/manual-crm-associations</c>: calls users linked to CRM accounts and deals by hand,
    /// page by page. Only Gong's 2023 document has it (Beta); <see cref="ListExtensiveAsync"/> with context
    /// <c>Basic</c> shows the links a call has now.</summary>
    /// <param name="from">Only links made after this time; <see langword="null"/>: all.</param>
    /// <param name="cursor">Resume at this cursor, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The pages.</returns>
    public IAsyncEnumerable<ManualAssociationsPage> ListManualCrmAssociationsAsync(DateTimeOffset? from = null, string? cursor = null, CancellationToken cancellationToken = default) =>
        _transport.PagesAsync(
            new GongRequest(GongOperations.ListCrmCallsManualAssociation).WithQuery("fromDateTime", from).From(cursor),
            GongApiJson.Default.ManualAssociationsPage,
            cancellationToken);
}

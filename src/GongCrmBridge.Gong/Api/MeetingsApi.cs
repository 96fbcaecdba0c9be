using GongCrmBridge.Gong.Operations;
using GongCrmBridge.Gong.Transport;

namespace GongCrmBridge.Gong.Api;

/// <summary>Gong meetings (Gong's Beta): create, update, delete, and whether e-mail addresses are Gong users with a
/// working meeting integration.</summary>
public sealed class MeetingsApi
{
    private readonly GongTransport _transport;

    internal MeetingsApi(GongTransport transport) => _transport = transport;

    /// <summary><c>POST /v2/meetings</c>: creates a meeting.</summary>
    /// <param name="meeting">The meeting; its organizer must be a Gong user.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new meeting's id and URL.</returns>
    public Task<NewMeetingResponse> CreateAsync(MeetingRequest meeting, CancellationToken cancellationToken = default) =>
        _transport.CallAsync(ApiSend.WithJson(GongOperations.AddMeeting, meeting, GongApiJson.Default.MeetingRequest), GongApiJson.Default.NewMeetingResponse, cancellationToken);

    /// <summary><c>PUT /v2/meetings/{meetingId}</c>: replaces a meeting's details.</summary>
    /// <param name="meetingId">Gong's id of the meeting.</param>
    /// <param name="meeting">The new details.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The answer.</returns>
    public Task<UpdateMeetingResponse> UpdateAsync(string meetingId, MeetingRequest meeting, CancellationToken cancellationToken = default) =>
        _transport.CallAsync(
            ApiSend.WithJson(GongOperations.UpdateMeeting, meeting, GongApiJson.Default.MeetingRequest).WithPath("meetingId", meetingId),
            GongApiJson.Default.UpdateMeetingResponse,
            cancellationToken);

    /// <summary><c>DELETE /v2/meetings/{meetingId}</c>: deletes a meeting (the organizer goes in a JSON body of the DELETE).</summary>
    /// <param name="meetingId">Gong's id of the meeting.</param>
    /// <param name="organizerEmail">The organizer's e-mail address.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The answer.</returns>
    public Task<GongBaseResponse> DeleteAsync(string meetingId, string organizerEmail, CancellationToken cancellationToken = default) =>
        _transport.CallAsync(
            ApiSend.WithJson(GongOperations.DeleteMeeting, new DeleteMeetingRequest { OrganizerEmail = organizerEmail }, GongApiJson.Default.DeleteMeetingRequest).WithPath("meetingId", meetingId),
            GongApiJson.Default.GongBaseResponse,
            cancellationToken);

    /// <summary><c>POST /v2/meetings/integration/status</c>: for each e-mail address, whether it is a Gong user and its
    /// meeting integration works. Sent <see cref="GongOperations.MaxEmailsPerIntegrationStatus"/> addresses per call.</summary>
    /// <param name="emails">The addresses.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>One status per address (the <c>requestId</c> is the last call's).</returns>
    public async Task<MeetingIntegrationStatusResponse> GetIntegrationStatusAsync(IReadOnlyList<string> emails, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(emails);
        var users = new List<MeetingUserStatus>();
        string? requestId = null;
        foreach (var batch in emails.Distinct(StringComparer.OrdinalIgnoreCase).Chunk(GongOperations.MaxEmailsPerIntegrationStatus))
        {
            var answer = await _transport.CallAsync(
                ApiSend.WithJson(GongOperations.MeetingIntegrationStatus, new MeetingIntegrationStatusRequest { Emails = batch }, GongApiJson.Default.MeetingIntegrationStatusRequest),
                GongApiJson.Default.MeetingIntegrationStatusResponse,
                cancellationToken).ConfigureAwait(false);
            users.AddRange(answer.Users ?? []);
            requestId = answer.RequestId;
        }

        return new MeetingIntegrationStatusResponse { RequestId = requestId, Users = users };
    }
}

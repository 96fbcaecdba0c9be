using System.Text.Json.Nodes;
using GongCrmBridge.Sandbox.Store;

namespace GongCrmBridge.Sandbox.Http;

/// <summary>What clients report to Gong: meetings (Gong's Beta), engagement events, digital interactions, and the
/// integration settings of Gong's embedded tools.</summary>
internal sealed class EventEndpoints(CompanyStore company) : IEndpoints
{
    private const int MaxEmailsPerStatus = 100;

    public IEnumerable<(SandboxRoute Route, Endpoint Handle)> Routes =>
    [
        (SandboxRoute.AddMeeting, CreateMeetingAsync),
        (SandboxRoute.UpdateMeeting, UpdateMeetingAsync),
        (SandboxRoute.DeleteMeeting, DeleteMeetingAsync),
        (SandboxRoute.MeetingIntegrationStatus, IntegrationStatusAsync),
        (SandboxRoute.ContentShared, (r, ct) => EventAsync(r, "contentShared", ["reportingSystem", "eventTimestamp", "contentId", "contentUrl", "contentTitle"], ct)),
        (SandboxRoute.ContentViewed, (r, ct) => EventAsync(r, "contentViewed", ["reportingSystem", "eventTimestamp", "contentId", "contentUrl", "contentTitle"], ct)),
        (SandboxRoute.CustomAction, (r, ct) => EventAsync(r, "customEvent", ["reportingSystem", "eventTimestamp"], ct)),
        (SandboxRoute.DigitalInteraction, (r, ct) => EventAsync(r, "digitalInteraction", ["eventId", "timestamp", "eventType", "content"], ct)),
        (SandboxRoute.IntegrationSettings, IntegrationSettingsAsync),
    ];

    private async Task<ApiResult> CreateMeetingAsync(ApiRequest request, CancellationToken ct)
    {
        var (meeting, problem) = await ReadMeetingAsync(request, ct).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var id = company.NextId();
        company.SaveMeeting(id, meeting!);
        return request.Ok(new JsonObject { ["meetingId"] = id, ["meetingUrl"] = request.BaseUrl + "meeting/" + id, ["additionalInvitees"] = new JsonArray() });
    }

    private async Task<ApiResult> UpdateMeetingAsync(ApiRequest request, CancellationToken ct)
    {
        var id = request.PathValue("meetingId");
        if (company.FindMeeting(id) is null)
        {
            return request.NotFound("No meeting found corresponding to the provided meeting ID");
        }

        var (meeting, problem) = await ReadMeetingAsync(request, ct).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        company.SaveMeeting(id, meeting!);
        return request.Ok(new JsonObject { ["meetingId"] = id });
    }

    private async Task<ApiResult> DeleteMeetingAsync(ApiRequest request, CancellationToken ct)
    {
        var body = await request.ReadObjectAsync(ct).ConfigureAwait(false);
        var organizer = body?["organizerEmail"]?.ToString();
        if (organizer is null)
        {
            return request.Missing("organizerEmail");
        }

        var id = request.PathValue("meetingId");
        if (company.FindMeeting(id) is not { } meeting || !CompanyStore.Same(meeting["organizerEmail"]?.ToString(), organizer))
        {
            return request.NotFound("No Gong meeting found corresponding to the provided organizer email");
        }

        company.DeleteMeeting(id);
        return request.Done();
    }

    private async Task<ApiResult> IntegrationStatusAsync(ApiRequest request, CancellationToken ct)
    {
        var body = await request.ReadObjectAsync(ct).ConfigureAwait(false);
        if (body?["emails"] is not JsonArray { Count: > 0 } emails)
        {
            return request.BadRequest("emails is mandatory");
        }

        if (emails.Count > MaxEmailsPerStatus)
        {
            return request.BadRequest($"At most {MaxEmailsPerStatus} emails per request");
        }

        var users = emails.Select(e => e?.ToString() ?? string.Empty).Select(email =>
        {
            var exists = company.FindUserByEmail(email) is not null;
            var status = new JsonObject { ["email"] = email, ["exists"] = exists, ["valid"] = exists };
            if (!exists)
            {
                status["userFacingError"] = "No Gong user has this email address";
            }

            return (JsonNode)status;
        });
        return request.Ok(new JsonObject { ["users"] = new JsonArray([.. users]) });
    }

    private async Task<ApiResult> EventAsync(ApiRequest request, string kind, string[] required, CancellationToken ct)
    {
        if (await request.ReadObjectAsync(ct).ConfigureAwait(false) is not { } body)
        {
            return request.NoBody();
        }

        var missing = required.Where(name => body[name] is null || (body[name] is JsonValue && string.IsNullOrWhiteSpace(body[name]!.ToString()))).ToList();
        if (kind == "digitalInteraction" && body["content"] is JsonObject content && string.IsNullOrWhiteSpace(content["contentTitle"]?.ToString()))
        {
            missing.Add("content.contentTitle");
        }

        if (missing.Count > 0)
        {
            return request.BadRequest([.. missing.Select(name => name + " is mandatory")]);
        }

        company.AddEvent(kind, body);
        return request.Done();
    }

    private static async Task<ApiResult> IntegrationSettingsAsync(ApiRequest request, CancellationToken ct)
    {
        var body = await request.ReadObjectAsync(ct).ConfigureAwait(false);
        if (body?["integrationTypeSettings"] is not JsonArray { Count: > 0 } settings)
        {
            return request.BadRequest("integrationTypeSettings is mandatory");
        }

        foreach (var setting in settings)
        {
            if (setting?["integrationType"]?.ToString() is not ("EMAIL_COMPOSER" or "ACCOUNT_PAGES" or "DIALER"))
            {
                return request.BadRequest("integrationType must be EMAIL_COMPOSER, ACCOUNT_PAGES or DIALER");
            }

            if (!Uri.TryCreate(setting["allowedOrigin"]?.ToString(), UriKind.Absolute, out _))
            {
                return request.BadRequest("allowedOrigin must be an absolute URL");
            }
        }

        return request.Done();
    }

    private async Task<(JsonObject? Meeting, ApiResult? Problem)> ReadMeetingAsync(ApiRequest request, CancellationToken ct)
    {
        if (await request.ReadObjectAsync(ct).ConfigureAwait(false) is not { } body)
        {
            return (null, request.NoBody());
        }

        var missing = new[] { "startTime", "endTime", "organizerEmail" }.Where(name => string.IsNullOrWhiteSpace(body[name]?.ToString())).ToList();
        if (body["invitees"] is not JsonArray)
        {
            missing.Add("invitees");
        }

        if (missing.Count > 0)
        {
            return (null, request.BadRequest([.. missing.Select(name => name + " is mandatory")]));
        }

        if (!ApiRequest.TryTime(body["startTime"]!.ToString(), "startTime", out _, out var error) || !ApiRequest.TryTime(body["endTime"]!.ToString(), "endTime", out _, out error))
        {
            return (null, request.BadRequest(error!));
        }

        return company.FindUserByEmail(body["organizerEmail"]!.ToString()) is null
            ? (null, request.NotFound("No Gong user found corresponding to the provided organizer email"))
            : (body, null);
    }
}

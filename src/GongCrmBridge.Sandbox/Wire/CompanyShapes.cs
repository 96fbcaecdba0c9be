using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GongCrmBridge.Sandbox.Wire;

/// <summary>The emulator's own JSON shapes of Gong's users, calls and settings (Gong's field names, CRM-API.md §4),
/// and the fixed settings data it answers with (folders, scorecards, trackers, flows, permission profiles).</summary>
internal static class CompanyShapes
{
    public static JsonObject User(SandboxUser user) => new()
    {
        ["id"] = user.Id,
        ["emailAddress"] = user.EmailAddress,
        ["created"] = DateTime(user.Created),
        ["active"] = user.Active,
        ["emailAliases"] = Strings(user.EmailAliases),
        ["trustedEmailAddress"] = user.EmailAddress,
        ["firstName"] = user.FirstName,
        ["lastName"] = user.LastName,
        ["title"] = user.Title,
        ["phoneNumber"] = user.PhoneNumber,
        ["personalMeetingUrls"] = new JsonArray(),
        ["settings"] = new JsonObject
        {
            ["webConferencesRecorded"] = !user.IsAvatar,
            ["preventWebConferenceRecording"] = false,
            ["telephonyCallsImported"] = false,
            ["emailsImported"] = !user.IsAvatar,
            ["preventEmailImport"] = false,
            ["nonRecordedMeetingsImported"] = false,
            ["gongConnectEnabled"] = false,
        },
        ["managerId"] = user.ManagerId,
        ["spokenLanguages"] = new JsonArray(new JsonObject { ["language"] = "en-US", ["primary"] = true }),
    };

    public static JsonObject CallMetaData(SandboxCall call, string baseUrl) => new()
    {
        ["id"] = call.Id,
        ["url"] = baseUrl + "call?id=" + call.Id,
        ["title"] = call.Title,
        ["scheduled"] = DateTime(call.Started),
        ["started"] = DateTime(call.Started),
        ["duration"] = call.DurationSeconds,
        ["primaryUserId"] = call.PrimaryUserId,
        ["direction"] = call.Direction,
        ["system"] = "Zoom",
        ["scope"] = call.Parties.Any(p => p.UserId is null) ? "External" : "Internal",
        ["media"] = call.HasMedia ? "Audio" : "Video",
        ["language"] = "eng",
        ["workspaceId"] = call.WorkspaceId,
        ["clientUniqueId"] = call.ClientUniqueId,
        ["purpose"] = call.Purpose,
        ["isPrivate"] = false,
    };

    public static JsonObject Party(SandboxParty party) => new()
    {
        ["id"] = party.Id,
        ["emailAddress"] = party.EmailAddress,
        ["name"] = party.Name,
        ["userId"] = party.UserId,
        ["speakerId"] = "sp-" + party.Id,
        ["affiliation"] = party.Affiliation,
        ["phoneNumber"] = party.PhoneNumber,
        ["methods"] = new JsonArray("Invitee", "Attendee"),
    };

    /// <summary>A transcript: each party says a sentence in turn.</summary>
    public static JsonObject Transcript(SandboxCall call) => new()
    {
        ["callId"] = call.Id,
        ["transcript"] = new JsonArray([.. call.Parties.Select((party, i) => (JsonNode)new JsonObject
        {
            ["speakerId"] = "sp-" + party.Id,
            ["topic"] = i == 0 ? "Call Setup" : "Discussion",
            ["sentences"] = new JsonArray(new JsonObject
            {
                ["start"] = i * 4000L,
                ["end"] = (i * 4000L) + 3500,
                ["text"] = i == 0 ? "Thanks for joining, shall we start?" : "Yes, let us go through it.",
            }),
        })]),
    };

    public static JsonObject Records(int total, int pageSize, int pageNumber, string? cursor)
    {
        var records = new JsonObject { ["totalRecords"] = total, ["currentPageSize"] = pageSize, ["currentPageNumber"] = pageNumber };
        if (cursor is not null)
        {
            records["cursor"] = cursor;
        }

        return records;
    }

    public static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);

    public static string DateTime(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A JSON value of an uploaded record's field, for <c>fields: [{name, value}]</c>.</summary>
    public static JsonArray Fields(JsonElement record) =>
        new([.. record.EnumerateObject()
            .Where(p => p.Name is not ("objectId" or "modifiedDate" or "isDeleted"))
            .Select(p => (JsonNode)new JsonObject { ["name"] = p.Name, ["value"] = JsonNode.Parse(p.Value.GetRawText()) })]);

    /// <summary>The e-mail addresses an engagement event names (who shared, viewed, acted, was the person).</summary>
    public static IEnumerable<string> EmailsOf(JsonObject engagementEvent)
    {
        static IEnumerable<JsonNode?> People(JsonObject e) =>
            [e["sharer"], e["viewer"], e["actor"], e["person"], .. (e["recipients"] as JsonArray ?? []), .. (e["nonCompanyParticipants"] as JsonArray ?? [])];

        foreach (var person in People(engagementEvent))
        {
            if (person?["email"] is JsonValue email && email.TryGetValue<string>(out var text))
            {
                yield return text;
            }
        }
    }

    public static JsonArray Flows() => new(
        Flow("8012001", "Inbound follow-up", "Company"),
        Flow("8012002", "Trial nurture", "Company"),
        Flow("8012003", "Renewal reminder", "Personal"));

    public static JsonArray LibraryFolders() => new(
        new JsonObject { ["id"] = "3843152912968920037", ["name"] = "Best discovery calls", ["parentFolderId"] = null, ["createdBy"] = SandboxSeed.Users[0].Id, ["updated"] = "2024-03-10T08:00:00Z" },
        new JsonObject { ["id"] = "3843152912968920038", ["name"] = "Objection handling", ["parentFolderId"] = "3843152912968920037", ["createdBy"] = SandboxSeed.Users[6].Id, ["updated"] = "2024-03-11T08:00:00Z" });

    public static JsonObject Scorecard() => new()
    {
        ["scorecardId"] = 5001,
        ["scorecardName"] = "Discovery",
        ["workspaceId"] = long.Parse(SandboxSeed.MainWorkspaceId, CultureInfo.InvariantCulture),
        ["enabled"] = true,
        ["created"] = "2023-01-05T10:00:00Z",
        ["updated"] = "2024-01-05T10:00:00Z",
        ["reviewMethod"] = "MANUAL",
        ["questions"] = new JsonArray(new JsonObject
        {
            ["questionId"] = 6001,
            ["questionRevisionId"] = 6101,
            ["questionText"] = "Did the rep confirm the next step?",
            ["isOverall"] = false,
            ["questionType"] = "SCALE",
            ["minRange"] = 1,
            ["maxRange"] = 5,
        }),
    };

    public static JsonArray Trackers() => new(
        Tracker("7001", "Pricing", ["price", "pricing", "discount"]),
        Tracker("7002", "Competitors", ["competitor", "alternative"]));

    public static List<JsonObject> SeedProfiles() =>
    [
        Profile("4001", "Account Executives", "Sees own calls and deals", "own"),
        Profile("4002", "Managers", "Sees their team's calls and deals", "managers-team"),
    ];

    public static JsonObject Profile(string id, string name, string description, string level) => new()
    {
        ["id"] = id,
        ["name"] = name,
        ["description"] = description,
        ["workspaceId"] = SandboxSeed.MainWorkspaceId,
        ["callsAccess"] = new JsonObject { ["permissionLevel"] = level, ["teamLeadIds"] = new JsonArray() },
        ["dealsAccess"] = new JsonObject { ["permissionLevel"] = level, ["teamLeadIds"] = new JsonArray() },
        ["libraryFolderAccess"] = new JsonObject { ["permissionLevel"] = "all", ["libraryFolderIds"] = new JsonArray() },
        ["scoreCalls"] = level != "own",
        ["downloadCallMedia"] = false,
    };

    private static JsonObject Flow(string id, string name, string visibility) => new()
    {
        ["id"] = id,
        ["name"] = name,
        ["folderId"] = "9001",
        ["folderName"] = "Sales flows",
        ["visibility"] = visibility,
        ["creationDate"] = "2024-01-15T09:00:00Z",
        ["exclusive"] = true,
    };

    private static JsonObject Tracker(string id, string name, string[] keywords) => new()
    {
        ["trackerId"] = id,
        ["trackerName"] = name,
        ["workspaceId"] = SandboxSeed.MainWorkspaceId,
        ["languageKeywords"] = new JsonArray(new JsonObject { ["language"] = "eng", ["keywords"] = Strings(keywords), ["includeRelatedForms"] = true }),
        ["affiliation"] = "Anyone",
        ["partOfQuestion"] = false,
        ["saidAt"] = "Anytime",
        ["created"] = "2023-06-01T10:00:00Z",
        ["creatorUserId"] = SandboxSeed.Users[0].Id,
    };
}

namespace GongCrmBridge.Sandbox.Http;

/// <summary>Method + path → route, with <c>{name}</c> segments captured. Literal segments win over templates, so
/// <c>/v2/calls/extensive</c> is never taken for the call <c>extensive</c>.</summary>
internal static class RouteTable
{
    private static readonly (string Method, string[] Segments, SandboxRoute Route)[] Routes = Build(
    [
        ("PUT", "/v2/crm/integrations", SandboxRoute.RegisterIntegration),
        ("GET", "/v2/crm/integrations", SandboxRoute.ListIntegrations),
        ("DELETE", "/v2/crm/integrations", SandboxRoute.DeleteIntegration),
        ("POST", "/v2/crm/entity-schema", SandboxRoute.UploadSchema),
        ("GET", "/v2/crm/entity-schema", SandboxRoute.GetSchema),
        ("POST", "/v2/crm/entities", SandboxRoute.UploadEntities),
        ("GET", "/v2/crm/request-status", SandboxRoute.RequestStatus),
        ("GET", "/v2/crm/entities", SandboxRoute.GetEntities),
        ("GET", "/v2/users", SandboxRoute.ListUsers),
        ("GET", "/v2/users/{id}", SandboxRoute.GetUser),
        ("GET", "/v2/users/{id}/settings-history", SandboxRoute.GetUserHistory),
        ("POST", "/v2/users/extensive", SandboxRoute.ListUsersExtensive),
        ("GET", "/v2/calls", SandboxRoute.ListCalls),
        ("GET", "/v2/calls/{id}", SandboxRoute.GetCall),
        ("POST", "/v2/calls", SandboxRoute.AddCall),
        ("POST", "/v2/calls/extensive", SandboxRoute.ListCallsExtensive),
        ("POST", "/v2/calls/transcript", SandboxRoute.ListTranscripts),
        ("PUT", "/v2/calls/{id}/media", SandboxRoute.AddCallMedia),
        ("GET", "/v2/calls/manual-crm-associations", SandboxRoute.ListManualCrmAssociations),
        ("POST", "/v2/stats/activity/aggregate", SandboxRoute.AggregateActivity),
        ("POST", "/v2/stats/activity/day-by-day", SandboxRoute.DayByDayActivity),
        ("POST", "/v2/stats/activity/scorecards", SandboxRoute.AnsweredScorecards),
        ("POST", "/v2/stats/interaction", SandboxRoute.InteractionStats),
        ("GET", "/v2/flows", SandboxRoute.ListFlows),
        ("POST", "/v2/flows/prospects", SandboxRoute.ProspectsFlows),
        ("POST", "/v2/flows/prospects/assign", SandboxRoute.AssignProspects),
        ("POST", "/v2/meetings", SandboxRoute.AddMeeting),
        ("PUT", "/v2/meetings/{meetingId}", SandboxRoute.UpdateMeeting),
        ("DELETE", "/v2/meetings/{meetingId}", SandboxRoute.DeleteMeeting),
        ("POST", "/v2/meetings/integration/status", SandboxRoute.MeetingIntegrationStatus),
        ("GET", "/v2/all-permission-profiles", SandboxRoute.ListPermissionProfiles),
        ("GET", "/v2/permission-profile", SandboxRoute.GetPermissionProfile),
        ("GET", "/v2/permission-profile/users", SandboxRoute.ListPermissionProfileUsers),
        ("POST", "/v2/permission-profile", SandboxRoute.CreatePermissionProfile),
        ("PUT", "/v2/permission-profile", SandboxRoute.UpdatePermissionProfile),
        ("POST", "/v2/calls/users-access", SandboxRoute.GetCallAccess),
        ("PUT", "/v2/calls/users-access", SandboxRoute.AddCallAccess),
        ("DELETE", "/v2/calls/users-access", SandboxRoute.DeleteCallAccess),
        ("GET", "/v2/library/folders", SandboxRoute.ListLibraryFolders),
        ("GET", "/v2/library/folder-content", SandboxRoute.GetLibraryFolderContent),
        ("GET", "/v2/settings/scorecards", SandboxRoute.ListScorecards),
        ("GET", "/v2/settings/trackers", SandboxRoute.ListTrackers),
        ("GET", "/v2/data-privacy/data-for-email-address", SandboxRoute.DataForEmail),
        ("GET", "/v2/data-privacy/data-for-phone-number", SandboxRoute.DataForPhone),
        ("POST", "/v2/data-privacy/erase-data-for-email-address", SandboxRoute.EraseEmail),
        ("POST", "/v2/data-privacy/erase-data-for-phone-number", SandboxRoute.ErasePhone),
        ("PUT", "/v2/customer-engagement/content/shared", SandboxRoute.ContentShared),
        ("PUT", "/v2/customer-engagement/content/viewed", SandboxRoute.ContentViewed),
        ("PUT", "/v2/customer-engagement/action", SandboxRoute.CustomAction),
        ("POST", "/v2/digital-interaction", SandboxRoute.DigitalInteraction),
        ("GET", "/v2/logs", SandboxRoute.ListLogs),
        ("GET", "/v2/workspaces", SandboxRoute.ListWorkspaces),
        ("GET", "/v2/coaching", SandboxRoute.ListCoaching),
        ("POST", "/v2/integration-settings", SandboxRoute.IntegrationSettings),
    ]);

    /// <summary>Finds the route of a request.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The request path.</param>
    /// <param name="pathKnown">Whether some route has this path (for 405 instead of 404).</param>
    /// <param name="values">The captured <c>{name}</c> segments.</param>
    /// <returns>The route, or <see langword="null"/>.</returns>
    public static SandboxRoute? Resolve(string method, string? path, out bool pathKnown, out IReadOnlyDictionary<string, string> values)
    {
        var segments = (path ?? string.Empty).Trim('/').Split('/');
        pathKnown = false;
        values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (routeMethod, template, route) in Routes)
        {
            if (!TryMatch(template, segments, out var captured))
            {
                continue;
            }

            pathKnown = true;
            if (routeMethod == method)
            {
                values = captured;
                return route;
            }
        }

        return null;
    }

    private static bool TryMatch(string[] template, string[] segments, out Dictionary<string, string> captured)
    {
        captured = new Dictionary<string, string>(StringComparer.Ordinal);
        if (template.Length != segments.Length)
        {
            return false;
        }

        for (var i = 0; i < template.Length; i++)
        {
            if (template[i].StartsWith('{'))
            {
                captured[template[i][1..^1]] = Uri.UnescapeDataString(segments[i]);
            }
            else if (!string.Equals(template[i], segments[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Literal routes first, so that a template only matches what no literal path does.</summary>
    private static (string, string[], SandboxRoute)[] Build((string Method, string Path, SandboxRoute Route)[] routes) =>
        [.. routes
            .Select(r => (r.Method, Segments: r.Path.Trim('/').Split('/'), r.Route))
            .OrderBy(r => r.Segments.Count(s => s.StartsWith('{')))];
}

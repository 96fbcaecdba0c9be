using System.Text.Json.Nodes;
using GongCrmBridge.Sandbox.Store;
using GongCrmBridge.Sandbox.Wire;

namespace GongCrmBridge.Sandbox.Http;

/// <summary>Gong's data privacy: what refers to an e-mail address or phone number (calls, meetings, uploaded CRM
/// contacts and leads, engagement events), and erasing it — accepted at once, carried out later
/// (<see cref="SandboxOptions.ProcessingDelay"/>), as Gong takes hours.</summary>
internal sealed class PrivacyEndpoints(CompanyStore company, SandboxStore crm) : IEndpoints
{
    public IEnumerable<(SandboxRoute Route, Endpoint Handle)> Routes =>
    [
        (SandboxRoute.DataForEmail, (r, _) => Task.FromResult(ForEmail(r))),
        (SandboxRoute.DataForPhone, (r, _) => Task.FromResult(ForPhone(r))),
        (SandboxRoute.EraseEmail, (r, _) => Task.FromResult(Erase(r, isEmail: true))),
        (SandboxRoute.ErasePhone, (r, _) => Task.FromResult(Erase(r, isEmail: false))),
    ];

    private ApiResult ForEmail(ApiRequest request)
    {
        if (request.Query("emailAddress") is not { } email)
        {
            return request.Missing("emailAddress");
        }

        var events = company.Events().Where(e => CompanyShapes.EmailsOf(e.Body).Any(address => CompanyStore.Same(address, email)));
        var references = References((e, _) => CompanyStore.Same(e, email));
        references["customerEngagement"] = new JsonArray([.. events.Select(kindAndBody => new JsonObject
        {
            ["eventType"] = kindAndBody.Kind,
            ["timestamp"] = (kindAndBody.Body["eventTimestamp"] ?? kindAndBody.Body["timestamp"])?.DeepClone(),
            ["contentId"] = (kindAndBody.Body["contentId"] ?? kindAndBody.Body["content"]?["contentId"])?.DeepClone(),
            ["contentUrl"] = (kindAndBody.Body["contentUrl"] ?? kindAndBody.Body["content"]?["contentUrl"])?.DeepClone(),
            ["reportingSystem"] = (kindAndBody.Body["reportingSystem"] ?? kindAndBody.Body["sourceSystemName"])?.DeepClone(),
            ["eventName"] = kindAndBody.Body["actionName"]?.DeepClone(),
            ["sourceEventId"] = kindAndBody.Body["eventId"]?.DeepClone(),
        }).Select(Trim)]);
        return request.Ok(references);
    }

    private ApiResult ForPhone(ApiRequest request)
    {
        if (request.Query("phoneNumber") is not { } phone)
        {
            return request.Missing("phoneNumber");
        }

        var references = References((_, p) => CompanyStore.SamePhone(p, phone));
        var matching = new SortedSet<string>(StringComparer.Ordinal);
        var emails = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var party in company.Calls().SelectMany(c => c.Parties).Where(p => CompanyStore.SamePhone(p.PhoneNumber, phone)))
        {
            matching.Add(party.PhoneNumber!);
            if (party.EmailAddress is { } address)
            {
                emails.Add(address);
            }
        }

        references["suppliedPhoneNumber"] = phone;
        references["matchingPhoneNumbers"] = CompanyShapes.Strings(matching);
        references["emailAddresses"] = CompanyShapes.Strings(emails);
        return request.Ok(references);
    }

    /// <summary>Leaves out the fields an event did not have.</summary>
    private static JsonNode Trim(JsonObject item)
    {
        foreach (var (name, _) in item.Where(pair => pair.Value is null).ToList())
        {
            item.Remove(name);
        }

        return item;
    }

    private ApiResult Erase(ApiRequest request, bool isEmail)
    {
        var name = isEmail ? "emailAddress" : "phoneNumber";
        if (request.Query(name) is not { } value)
        {
            return request.Missing(name);
        }

        company.AcceptErasure(isEmail, value);
        return request.Done();
    }

    /// <summary>The calls, meetings and CRM leads and contacts holding a value (matched on e-mail or phone).</summary>
    private JsonObject References(Func<string?, string?, bool> matches)
    {
        var calls = company.Calls().Where(c => c.Parties.Any(p => matches(p.EmailAddress, p.PhoneNumber)));
        var meetings = company.Meetings().Where(m => m.Meeting["invitees"] is JsonArray invitees && invitees.Any(i => matches(i?["email"]?.ToString(), null)));
        var snapshot = crm.Snapshot();
        var people = new JsonArray();
        foreach (var (type, name) in (ReadOnlySpan<(string, string)>)[("CONTACT", "Contact"), ("LEAD", "Lead")])
        {
            foreach (var (id, record) in snapshot.Of(type).Where(o => matches(CrmSnapshot.Text(o.Value, "emailAddress"), CrmSnapshot.Text(o.Value, "phoneNumber"))).OrderBy(o => o.Key, StringComparer.Ordinal))
            {
                people.Add((JsonNode)new JsonObject { ["id"] = "mirror-" + id, ["objectType"] = name, ["externalId"] = id, ["mirrorId"] = "mirror-" + id, ["fields"] = CompanyShapes.Fields(record) });
            }
        }

        return new JsonObject
        {
            ["emails"] = new JsonArray(),
            ["calls"] = new JsonArray([.. calls.Select(c => (JsonNode)new JsonObject { ["id"] = c.Id, ["status"] = "COMPLETED", ["externalSystems"] = new JsonArray() })]),
            ["meetings"] = new JsonArray([.. meetings.Select(m => (JsonNode)new JsonObject { ["id"] = m.Id })]),
            ["customerData"] = people.Count == 0 ? new JsonArray() : new JsonArray(new JsonObject { ["system"] = "Generic", ["objects"] = people }),
        };
    }
}

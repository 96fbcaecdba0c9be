using System.Text.Json;
using System.Text.Json.Nodes;
using GongCrmBridge.Sandbox.Wire;

namespace GongCrmBridge.Sandbox.Store;

/// <summary>Which uploaded CRM objects a call is linked to, as Gong links them: a party is the CONTACT or LEAD with
/// its e-mail address (a company party: the BUSINESS_USER with the user's address); the call is linked to the
/// ACCOUNT of those contacts and to accounts whose <c>domains</c> hold an outside party's domain, and to the DEALs
/// of those accounts. With the context <c>Extended</c> every object carries its fields.</summary>
internal sealed class CallCrmLinks
{
    private readonly CrmSnapshot _crm;
    private readonly bool _withFields;

    public CallCrmLinks(CrmSnapshot crm, bool withFields)
    {
        _crm = crm;
        _withFields = withFields;
    }

    /// <summary>The call's <c>context</c>: accounts and opportunities, in the <c>Generic</c> system.</summary>
    public JsonArray CallContext(SandboxCall call)
    {
        var accounts = new SortedDictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var party in call.Parties.Where(p => p.UserId is null))
        {
            foreach (var (_, contact) in PeopleOf(party, "CONTACT"))
            {
                if (CrmSnapshot.Text(contact, "accountId") is { } accountId && _crm.Of("ACCOUNT").TryGetValue(accountId, out var account))
                {
                    accounts[accountId] = account;
                }
            }

            if (Domain(party.EmailAddress) is { } domain)
            {
                foreach (var (id, account) in _crm.Of("ACCOUNT").Where(a => HasDomain(a.Value, domain)))
                {
                    accounts[id] = account;
                }
            }
        }

        var objects = new JsonArray();
        foreach (var (id, account) in accounts)
        {
            objects.Add((JsonNode)Object("Account", id, account));
        }

        foreach (var (id, deal) in _crm.Of("DEAL").Where(d => CrmSnapshot.Text(d.Value, "accountId") is { } a && accounts.ContainsKey(a)).OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            objects.Add((JsonNode)Object("Opportunity", id, deal));
        }

        return objects.Count == 0 ? [] : new JsonArray(new JsonObject { ["system"] = "Generic", ["objects"] = objects });
    }

    /// <summary>A party's <c>context</c>: the contacts, leads or business user it is.</summary>
    public JsonArray PartyContext(SandboxParty party, SandboxUser? user)
    {
        var objects = new JsonArray();
        if (party.UserId is not null)
        {
            var emails = user is null ? [party.EmailAddress] : (string?[])[user.EmailAddress, .. user.EmailAliases];
            foreach (var (id, record) in _crm.Of("BUSINESS_USER").Where(u => emails.Any(e => CompanyStore.Same(CrmSnapshot.Text(u.Value, "emailAddress"), e))))
            {
                objects.Add((JsonNode)Object("User", id, record));
            }
        }
        else
        {
            foreach (var (type, name) in (ReadOnlySpan<(string, string)>)[("CONTACT", "Contact"), ("LEAD", "Lead")])
            {
                foreach (var (id, record) in PeopleOf(party, type))
                {
                    objects.Add((JsonNode)Object(name, id, record));
                }
            }
        }

        return objects.Count == 0 ? [] : new JsonArray(new JsonObject { ["system"] = "Generic", ["objects"] = objects });
    }

    private static string? Domain(string? email) =>
        email?.LastIndexOf('@') is int at and >= 0 ? email[(at + 1)..].Trim() : null;

    private static bool HasDomain(JsonElement account, string domain) =>
        account.TryGetProperty("domains", out var domains) && domains.ValueKind == JsonValueKind.Array &&
        domains.EnumerateArray().Any(d => d.ValueKind == JsonValueKind.String && CompanyStore.Same(d.GetString()!.TrimStart('@'), domain));

    private IEnumerable<(string Id, JsonElement Record)> PeopleOf(SandboxParty party, string objectType) =>
        _crm.Of(objectType)
            .Where(o => CompanyStore.Same(CrmSnapshot.Text(o.Value, "emailAddress"), party.EmailAddress))
            .OrderBy(o => o.Key, StringComparer.Ordinal)
            .Select(o => (o.Key, o.Value));

    private JsonObject Object(string objectType, string objectId, JsonElement record)
    {
        var item = new JsonObject { ["objectType"] = objectType, ["objectId"] = objectId };
        if (_withFields)
        {
            item["fields"] = CompanyShapes.Fields(record);
            item["timing"] = "Now";
        }

        return item;
    }
}

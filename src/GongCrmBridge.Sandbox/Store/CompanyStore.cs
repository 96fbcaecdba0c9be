using System.Globalization;
using System.Text.Json.Nodes;
using GongCrmBridge.Sandbox.Wire;

namespace GongCrmBridge.Sandbox.Store;

/// <summary>The emulated company beyond its CRM data: users, calls, meetings, individual call access, permission
/// profiles, flow assignments, engagement events, integration settings, and pending data-privacy erasures.
/// One lock guards it; it reads and erases CRM data through <see cref="SandboxStore"/> (always in that order).</summary>
internal sealed class CompanyStore
{
    private readonly Lock _gate = new();
    private readonly SandboxOptions _options;
    private readonly SandboxStore _crm;
    private readonly List<SandboxCall> _calls;
    private readonly Dictionary<string, JsonObject> _meetings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedSet<string>> _callAccess = new(StringComparer.Ordinal);
    private readonly List<JsonObject> _profiles;
    private readonly Dictionary<string, List<JsonObject>> _flowAssignments = new(StringComparer.Ordinal);
    private readonly List<(string Kind, JsonObject Body)> _events = [];
    private readonly List<Erasure> _erasures = [];
    private long _nextId = 9_100_000_000_000_000;

    public CompanyStore(SandboxOptions options, SandboxStore crm)
    {
        _options = options;
        _crm = crm;
        Users = options.Users;
        _calls = [.. options.Calls];
        _profiles = CompanyShapes.SeedProfiles();
    }

    public IReadOnlyList<SandboxUser> Users { get; }

    public SandboxUser? FindUser(string? id) => Users.FirstOrDefault(u => u.Id == id);

    public SandboxUser? FindUserByEmail(string? email) =>
        Users.FirstOrDefault(u => !u.IsAvatar && (Same(u.EmailAddress, email) || u.EmailAliases.Any(a => Same(a, email))));

    public IReadOnlyList<SandboxCall> Calls()
    {
        lock (_gate)
        {
            AdvanceByTime();
            return [.. _calls];
        }
    }

    public SandboxCall? FindCall(string id) => Calls().FirstOrDefault(c => c.Id == id);

    /// <summary>Adds a call; returns null when its clientUniqueId was already used.</summary>
    public SandboxCall? AddCall(Func<string, SandboxCall> create)
    {
        lock (_gate)
        {
            var call = create(NextId());
            if (call.ClientUniqueId is { } unique && _calls.Any(c => c.ClientUniqueId == unique))
            {
                return null;
            }

            _calls.Add(call);
            return call;
        }
    }

    public bool AttachMedia(string callId)
    {
        lock (_gate)
        {
            var index = _calls.FindIndex(c => c.Id == callId);
            if (index < 0)
            {
                return false;
            }

            _calls[index] = _calls[index] with { HasMedia = true };
            return true;
        }
    }

    public string NextId()
    {
        lock (_gate)
        {
            return (++_nextId).ToString(CultureInfo.InvariantCulture);
        }
    }

    // Meetings
    public void SaveMeeting(string id, JsonObject meeting)
    {
        lock (_gate)
        {
            _meetings[id] = meeting;
        }
    }

    public JsonObject? FindMeeting(string id)
    {
        lock (_gate)
        {
            AdvanceByTime();
            return _meetings.GetValueOrDefault(id);
        }
    }

    public bool DeleteMeeting(string id)
    {
        lock (_gate)
        {
            return _meetings.Remove(id);
        }
    }

    public IReadOnlyList<(string Id, JsonObject Meeting)> Meetings()
    {
        lock (_gate)
        {
            AdvanceByTime();
            return [.. _meetings.Select(pair => (pair.Key, pair.Value))];
        }
    }

    // Individual call access
    public void ChangeCallAccess(string callId, IEnumerable<string> userIds, bool grant)
    {
        lock (_gate)
        {
            if (!_callAccess.TryGetValue(callId, out var users))
            {
                users = new SortedSet<string>(StringComparer.Ordinal);
                _callAccess[callId] = users;
            }

            foreach (var userId in userIds)
            {
                _ = grant ? users.Add(userId) : users.Remove(userId);
            }
        }
    }

    public IReadOnlyList<string> CallAccess(string callId)
    {
        lock (_gate)
        {
            return _callAccess.TryGetValue(callId, out var users) ? [.. users] : [];
        }
    }

    // Permission profiles
    public IReadOnlyList<JsonObject> Profiles()
    {
        lock (_gate)
        {
            return [.. _profiles];
        }
    }

    public void SaveProfile(JsonObject profile)
    {
        lock (_gate)
        {
            var id = profile["id"]!.GetValue<string>();
            _profiles.RemoveAll(p => p["id"]!.GetValue<string>() == id);
            _profiles.Add(profile);
        }
    }

    // Flow assignments
    public void Assign(string prospectId, JsonObject assignment)
    {
        lock (_gate)
        {
            if (!_flowAssignments.TryGetValue(prospectId, out var list))
            {
                list = [];
                _flowAssignments[prospectId] = list;
            }

            list.Add(assignment);
        }
    }

    public IReadOnlyList<JsonObject> Assignments(Func<string, JsonObject, bool> matches)
    {
        lock (_gate)
        {
            return [.. _flowAssignments.SelectMany(pair => pair.Value.Where(a => matches(pair.Key, a)))];
        }
    }

    // Engagement events (digital interactions, shared/viewed content, custom actions)
    /// <summary>Keeps an event under Gong's kind of it (<c>contentShared</c>, <c>contentViewed</c>, <c>customEvent</c>,
    /// <c>digitalInteraction</c>), for the data-privacy lookup.</summary>
    public void AddEvent(string kind, JsonObject engagementEvent)
    {
        lock (_gate)
        {
            _events.Add((kind, engagementEvent));
        }
    }

    public IReadOnlyList<(string Kind, JsonObject Body)> Events()
    {
        lock (_gate)
        {
            AdvanceByTime();
            return [.. _events];
        }
    }

    // Data-privacy erasures: accepted now, carried out once ProcessingDelay has passed (Gong takes hours).
    public void AcceptErasure(bool isEmail, string value)
    {
        lock (_gate)
        {
            _erasures.Add(new Erasure(isEmail, value, _options.TimeProvider.GetUtcNow()));
        }
    }

    public int PendingErasures
    {
        get
        {
            lock (_gate)
            {
                AdvanceByTime();
                return _erasures.Count;
            }
        }
    }

    public static bool Same(string? left, string? right) =>
        left is not null && right is not null && string.Equals(left.Trim(), right.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>Two phone numbers are the same number when their digits are (formatting aside).</summary>
    public static bool SamePhone(string? left, string? right) =>
        Digits(left) is { Length: > 0 } digits && digits == Digits(right);

    public static string Digits(string? phone) => phone is null ? string.Empty : new string([.. phone.Where(char.IsAsciiDigit)]);

    private void AdvanceByTime()
    {
        var now = _options.TimeProvider.GetUtcNow();

        // Accepting an erase does not come here, so it is never part of its own answer: at the earliest the next call sees it done.
        var due = _erasures.Where(e => now - e.AcceptedAt >= _options.ProcessingDelay).ToList();
        foreach (var erasure in due)
        {
            _erasures.Remove(erasure);
            Erase(erasure);
        }
    }

    /// <summary>Gong's erase: calls where the value appears, leads and contacts holding it, meetings and events with it.</summary>
    private void Erase(Erasure erasure)
    {
        bool Matches(string? email, string? phone) => erasure.IsEmail ? Same(email, erasure.Value) : SamePhone(phone, erasure.Value);

        _calls.RemoveAll(call => call.Parties.Any(p => Matches(p.EmailAddress, p.PhoneNumber)));
        foreach (var (id, meeting) in _meetings.ToList())
        {
            if (erasure.IsEmail && meeting["invitees"] is JsonArray invitees && invitees.Any(i => Same(i?["email"]?.GetValue<string>(), erasure.Value)))
            {
                _meetings.Remove(id);
            }
        }

        _events.RemoveAll(e => erasure.IsEmail && CompanyShapes.EmailsOf(e.Body).Any(email => Same(email, erasure.Value)));
        foreach (var type in (string[])["CONTACT", "LEAD"])
        {
            _crm.DeleteObjects(type, record => Matches(CrmSnapshot.Text(record, "emailAddress"), CrmSnapshot.Text(record, "phoneNumber")));
        }
    }

    private sealed record Erasure(bool IsEmail, string Value, DateTimeOffset AcceptedAt);
}

using System.Globalization;

namespace GongCrmBridge.Sandbox;

/// <summary>The emulated company the emulator starts with (<see cref="SandboxOptions.Users"/>,
/// <see cref="SandboxOptions.Calls"/>): fixed data, the same on every start.</summary>
public static class SandboxSeed
{
    /// <summary>The id of the company's main workspace, which holds the seeded users and calls.</summary>
    public const string MainWorkspaceId = "623457276584334";

    /// <summary>The id of the second workspace.</summary>
    public const string SecondWorkspaceId = "623457276584335";

    private static readonly string[] FirstNames = ["Ana", "Ben", "Chloe", "Dev", "Elif", "Femi", "Grace", "Hugo", "Ines", "Jonas", "Kai"];
    private static readonly string[] LastNames = ["Silva", "Okafor", "Martin", "Patel", "Yilmaz", "Adeyemi", "Kim", "Laurent", "Costa", "Berg", "Tanaka"];
    private static readonly string[] Emails =
    [
        "ana.silva", "ben.okafor", "chloe.martin", "dev.patel", "elif.yilmaz", "femi.adeyemi",
        "grace.kim", "hugo.laurent", "ines.costa", "jonas.berg", "kai.tanaka",
    ];

    /// <summary>Gets eleven users of the main workspace at <c>sandbox.example</c> (the first manages the next five,
    /// the seventh the last four) and one avatar.</summary>
    public static IReadOnlyList<SandboxUser> Users { get; } = CreateUsers();

    /// <summary>Gets six calls in March 2024, each hosted by a seeded user with one or two outside parties at
    /// <c>contoso.example</c>, <c>fabrikam.example</c> and <c>northwind.example</c>.</summary>
    public static IReadOnlyList<SandboxCall> Calls { get; } = CreateCalls();

    private static List<SandboxUser> CreateUsers()
    {
        var users = new List<SandboxUser>();
        for (var i = 0; i < FirstNames.Length; i++)
        {
            var manager = i switch
            {
                >= 1 and <= 5 => UserId(0),
                >= 7 => UserId(6),
                _ => null,
            };
            users.Add(new SandboxUser(UserId(i), Emails[i] + "@sandbox.example", FirstNames[i], LastNames[i])
            {
                Title = i is 0 or 6 ? "Sales Manager" : "Account Executive",
                ManagerId = manager,
                PhoneNumber = string.Create(CultureInfo.InvariantCulture, $"+1555010{i:00}"),
                EmailAliases = i == 1 ? ["ben@sandbox.example"] : [],
            });
        }

        users.Add(new SandboxUser(UserId(FirstNames.Length), "support-avatar@gong.example", "Gong", "Support") { IsAvatar = true });
        return users;
    }

    private static List<SandboxCall> CreateCalls()
    {
        (string Title, int Host, string[] Guests)[] calls =
        [
            ("Discovery with Contoso", 1, ["pat.lee@contoso.example"]),
            ("Contoso pricing review", 2, ["pat.lee@contoso.example", "sam.wu@contoso.example"]),
            ("Fabrikam kick-off", 3, ["lena.novak@fabrikam.example"]),
            ("Northwind renewal", 4, ["omar.haddad@northwind.example"]),
            ("Fabrikam technical deep dive", 7, ["lena.novak@fabrikam.example", "raj.iyer@fabrikam.example"]),
            ("Northwind expansion", 8, ["mia.schulz@northwind.example"]),
        ];
        var result = new List<SandboxCall>();
        for (var i = 0; i < calls.Length; i++)
        {
            var (title, host, guests) = calls[i];
            var hostUser = Users[host];
            List<SandboxParty> parties = [new("1", hostUser.FirstName + " " + hostUser.LastName, hostUser.EmailAddress, hostUser.PhoneNumber, hostUser.Id)];
            parties.AddRange(guests.Select((email, g) => new SandboxParty(
                (g + 2).ToString(CultureInfo.InvariantCulture),
                email.Split('@')[0].Replace('.', ' '),
                email,
                string.Create(CultureInfo.InvariantCulture, $"+1555020{i}{g}"))));
            result.Add(new SandboxCall(
                string.Create(CultureInfo.InvariantCulture, $"77823422740259{i + 10:00000}"),
                title,
                new DateTimeOffset(2024, 3, 4 + i, 9 + i, 0, 0, TimeSpan.Zero),
                1800 + (i * 300),
                hostUser.Id,
                parties));
        }

        return result;
    }

    private static string UserId(int index) => string.Create(CultureInfo.InvariantCulture, $"23459948484842{index:00}");
}

using System.Globalization;
using System.Text;
using Bogus;

namespace GongCrmBridge.Samples;

/// <summary>Pools of realistic values drawn once from Bogus with a fixed seed; generators combine them by index,
/// which is far faster than asking Bogus for every row and just as varied for a CRM export.</summary>
internal sealed class ValuePools
{
    private ValuePools()
    {
    }

    /// <summary>Gets company names (may contain commas, apostrophes and accents).</summary>
    public string[] Companies { get; private init; } = [];

    /// <summary>Gets a lower-case ASCII word per company, usable in a host name (same index as <see cref="Companies"/>).</summary>
    public string[] CompanySlugs { get; private init; } = [];

    /// <summary>Gets first names.</summary>
    public string[] FirstNames { get; private init; } = [];

    /// <summary>Gets last names.</summary>
    public string[] LastNames { get; private init; } = [];

    /// <summary>Gets lower-case ASCII forms of <see cref="FirstNames"/> (same index), for email addresses.</summary>
    public string[] AsciiFirstNames { get; private init; } = [];

    /// <summary>Gets lower-case ASCII forms of <see cref="LastNames"/> (same index), for email addresses.</summary>
    public string[] AsciiLastNames { get; private init; } = [];

    /// <summary>Gets job titles.</summary>
    public string[] JobTitles { get; private init; } = [];

    /// <summary>Gets phone numbers.</summary>
    public string[] Phones { get; private init; } = [];

    /// <summary>Gets product names (for deal names).</summary>
    public string[] Products { get; private init; } = [];

    /// <summary>Gets city names.</summary>
    public string[] Cities { get; private init; } = [];

    /// <summary>Gets industries.</summary>
    public static string[] Industries { get; } =
    [
        "Software", "Manufacturing", "Retail", "Healthcare", "Financial Services", "Education", "Logistics",
        "Energy", "Telecommunications", "Media", "Hospitality", "Construction", "Automotive", "Agriculture",
        "Pharmaceuticals", "Insurance", "Real Estate", "Consulting", "Government", "Non-Profit",
    ];

    /// <summary>Draws the pools from Bogus.</summary>
    /// <param name="seed">The Bogus seed.</param>
    /// <param name="size">How many values per pool.</param>
    /// <param name="locales">Bogus locales to mix (round robin), e.g. <c>de</c>, <c>fr</c>.</param>
    /// <param name="latin1Only">Whether to keep only values that Latin-1 (ISO-8859-1) can encode.</param>
    /// <param name="phoneFormat">The phone number layout (<c>#</c> = digit), or null for each locale's own layouts.</param>
    public static ValuePools Create(int seed, int size, string[] locales, bool latin1Only, string? phoneFormat)
    {
        var fakers = locales.Select((locale, i) => new Faker(locale) { Random = new Randomizer(seed + i) }).ToArray();
        string[] Draw(Func<Faker, string> next)
        {
            var values = new string[size];
            for (var i = 0; i < size; i++)
            {
                var faker = fakers[i % fakers.Length];
                var value = next(faker);
                while (latin1Only && !IsLatin1(value))
                {
                    value = next(faker);
                }

                values[i] = value;
            }

            return values;
        }

        var companies = Draw(f => f.Company.CompanyName());
        var first = Draw(f => f.Name.FirstName());
        var last = Draw(f => f.Name.LastName());
        return new ValuePools
        {
            Companies = companies,
            CompanySlugs = [.. companies.Select(c => AsciiWord(c, "company"))],
            FirstNames = first,
            LastNames = last,
            AsciiFirstNames = [.. first.Select(n => AsciiWord(n, "user"))],
            AsciiLastNames = [.. last.Select(n => AsciiWord(n, "user"))],
            JobTitles = Draw(f => f.Name.JobTitle()),
            Phones = Draw(f => f.Phone.PhoneNumber(phoneFormat)),
            Products = Draw(f => f.Commerce.ProductName()),
            Cities = Draw(f => f.Address.City()),
        };
    }

    /// <summary>Folds <paramref name="text"/> to lower-case ASCII letters and digits (accents dropped, the first
    /// word of at most 20 letters), or <paramref name="fallback"/> when nothing is left.</summary>
    public static string AsciiWord(string text, string fallback)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (c is ' ' or ',' or '-' && builder.Length > 0)
            {
                break;
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (builder.Length == 20)
            {
                break;
            }
        }

        return builder.Length == 0 ? fallback : builder.ToString();
    }

    private static bool IsLatin1(string value)
    {
        foreach (var c in value)
        {
            if (c > '\u00FF')
            {
                return false;
            }
        }

        return true;
    }
}

using System.Globalization;
using System.Text;

namespace GongCrmBridge.Onboarding;

/// <summary>Reads won and lost in the words CRMs use for a deal's outcome, in English, German, French, Spanish,
/// Portuguese and Dutch ("Closed Won", "Gewonnen", "Perdue", "Ganado", "Perdido", "Verloren").</summary>
public static class StatusWords
{
    private static readonly HashSet<string> Won = new(["won", "win", "gewonnen", "gagne", "gagnee", "ganado", "ganada", "gano", "ganho", "ganha", "ganhou"], StringComparer.Ordinal);
    private static readonly HashSet<string> Lost = new(["lost", "lose", "verloren", "perdu", "perdue", "perdido", "perdida", "perdio", "perdeu"], StringComparer.Ordinal);

    /// <summary>WON, LOST or OPEN for one value of a status or stage column.</summary>
    public static string Outcome(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var words = Words(value);
        return words.Any(Won.Contains) ? "WON" : words.Any(Lost.Contains) ? "LOST" : "OPEN";
    }

    /// <summary>Whether the values name both outcomes, or at least one of them: a column a status can be read from.</summary>
    public static bool NamesAnOutcome(IEnumerable<string> values) => values.Any(v => Outcome(v) != "OPEN");

    // Lower-case words without accents: "Gagnée" -> "gagnee", "Closed-Lost to Competition" -> closed, lost, to, competition.
    private static string[] Words(string value)
    {
        var plain = new StringBuilder(value.Length);
        foreach (var c in value.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                plain.Append(char.IsLetter(c) ? char.ToLowerInvariant(c) : ' ');
            }
        }

        return plain.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }
}

using System.Text.Json;
using GongCrmBridge.Gong.Models;
using GongCrmBridge.Mapping;
using GongCrmBridge.Reporting;

namespace GongCrmBridge.Pipeline;

/// <summary>Two warnings about the data itself, noted per export by the pipeline's consumer (SPEC.md, "Run report"):
/// <c>excel-damage</c>, ids a spreadsheet turned into numbers in scientific notation (<c>1.10416E+11</c>: the digits
/// after the sixth are lost, so no fix can recover the id), and <c>shared-email</c>, two BUSINESS_USERs with one
/// e-mail (Gong maps a user by e-mail, so one of them owns the other's deals).</summary>
/// <remarks>Not thread-safe: the consumer is single.</remarks>
internal sealed class DamageObservations(CrmObjectType type)
{
    private readonly Dictionary<string, int> _emails = new(StringComparer.OrdinalIgnoreCase);
    private long _damagedObjectIds;
    private long _damagedAccountIds;
    private long _damagedOwnerIds;

    public void Observe(MappedChunk chunk)
    {
        // A damaged objectId breaks Gong's id rule, so such records are among the rejections, named as read.
        _damagedObjectIds += chunk.Rejections.Count(r => IsScientific(r.ObjectId));
        foreach (var record in chunk.Records)
        {
            _damagedAccountIds += IsScientific(chunk.IdOf(record.References.AccountId)) ? 1 : 0;
            _damagedOwnerIds += IsScientific(chunk.IdOf(record.References.OwnerId)) ? 1 : 0;

            if (type == CrmObjectType.BusinessUser && EmailOf(chunk.Json.Span.Slice(record.JsonOffset, record.JsonLength)) is { } email)
            {
                _emails[email] = _emails.GetValueOrDefault(email) + 1;
            }
        }
    }

    public IEnumerable<RunWarning> Warnings()
    {
        var wire = type.ToWireName();
        (string Field, long Count)[] damage = [("objectId", _damagedObjectIds), ("accountId", _damagedAccountIds), ("ownerId", _damagedOwnerIds)];
        foreach (var (field, damaged) in damage)
        {
            if (damaged > 0)
            {
                yield return new RunWarning
                {
                    Code = "excel-damage",
                    ObjectType = wire,
                    Field = field,
                    Count = damaged,
                    Message = $"{damaged} {wire} record(s) hold an {field} written in scientific notation (like 1.10416E+11): the export went through a spreadsheet, which kept only the first digits; export it again from the CRM",
                };
            }
        }

        var shared = _emails.Values.Where(count => count > 1).Sum(count => (long)count);
        if (shared > 0)
        {
            yield return new RunWarning
            {
                Code = "shared-email",
                ObjectType = wire,
                Field = "emailAddress",
                Count = shared,
                Message = $"{shared} BUSINESS_USER record(s) share an e-mail with another: Gong maps a user by e-mail, so their deals go to one Gong user",
            };
        }
    }

    /// <summary>Whether <paramref name="id"/> is a number in scientific notation: digits, a point, digits, E+, digits.</summary>
    internal static bool IsScientific(string? id)
    {
        if (id is null || id.Length < 5)
        {
            return false;
        }

        var e = id.IndexOfAny(['E', 'e']);
        return e > 0 && e + 2 < id.Length && id[e + 1] == '+' &&
            id[..e].All(c => char.IsAsciiDigit(c) || c == '.') && id[..e].Count(c => c == '.') <= 1 && char.IsAsciiDigit(id[0]) &&
            id[(e + 2)..].All(char.IsAsciiDigit);
    }

    private static string? EmailOf(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("emailAddress"u8))
            {
                reader.Read();
                return reader.TokenType == JsonTokenType.String ? reader.GetString()!.Trim() : null;
            }
        }

        return null;
    }
}

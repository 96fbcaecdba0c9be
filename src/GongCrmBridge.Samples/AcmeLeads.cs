using System.Text.Encodings.Web;
using System.Text.Json;

namespace GongCrmBridge.Samples;

/// <summary>The Acme sample's leads: JSON Lines (UTF-8, LF) with nested objects, unlike the other exports' CSV
/// (<see cref="AcmeSample"/>).</summary>
internal static class AcmeLeads
{
    private const int LeadCount = 40;
    private static readonly string[] LeadSources = ["Webinar", "Website", "Trade Show", "Referral", "Cold Call"];

    /// <summary>Writes <c>leads.jsonl</c>: 40 leads, one cut off mid-record, every eighth converted.</summary>
    public static void Write(
        string path, ValuePools pools, SampleRandom random, string[] contacts, string[] deals)
    {
        using var stream = File.Create(path);
        var options = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        for (var i = 1; i <= LeadCount; i++)
        {
            var id = "LEAD-" + (4000 + i).ToString(AcmeSample.Invariant);
            if (i == 25)
            {
                // BAD: the export was cut off in the middle of a record: not valid JSON.
                stream.Write("{\"id\":\"LEAD-4025\",\"person\":{\"firstName\":\"Zoé\",\"lastName\":\"Lefèvre\",\"email\":\"zoe.lefevre@"u8);
                stream.WriteByte((byte)'\n');
                continue;
            }

            var person = random.Next(pools.FirstNames.Length);
            var company = random.Next(pools.Companies.Length);
            var slug = pools.CompanySlugs[company];
            var tld = AcmeSample.TopLevelDomains[company % AcmeSample.TopLevelDomains.Length];
            using (var json = new Utf8JsonWriter(stream, options))
            {
                json.WriteStartObject();
                json.WriteString("id", id);
                json.WriteString("updatedAt", AcmeSample.Start.AddDays(random.Next(0, 60)).AddSeconds(random.Next(6 * 3600, 22 * 3600)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", AcmeSample.Invariant));
                json.WriteStartObject("person");
                json.WriteString("firstName", pools.FirstNames[person]);
                json.WriteString("lastName", pools.LastNames[person]);
                json.WriteString("email", $"{pools.AsciiFirstNames[person]}.{pools.AsciiLastNames[person]}@{slug}.{tld}");
                if (!random.Chance(30))
                {
                    json.WriteString("title", pools.JobTitles[random.Next(pools.JobTitles.Length)]);
                }

                if (!random.Chance(40))
                {
                    json.WriteString("phone", pools.Phones[random.Next(pools.Phones.Length)]);
                }

                json.WriteEndObject();
                json.WriteStartObject("company");
                json.WriteString("name", pools.Companies[company]);
                json.WriteString("website", $"https://www.{slug}.{tld}/");
                json.WriteEndObject();
                json.WriteStartObject("address");
                json.WriteString("city", pools.Cities[random.Next(pools.Cities.Length)]);
                json.WriteString("postalCode", (tld == "de" ? "D-" : string.Empty) + random.Next(10_000, 99_999).ToString(AcmeSample.Invariant));
                json.WriteEndObject();
                json.WriteString("source", random.Pick(LeadSources));
                json.WriteNumber("score", random.Next(0, 101));
                if (i % 8 == 0)
                {
                    // Converted leads point at a valid account, one of its contacts and one of its deals.
                    var deal = deals[random.Next(deals.Length)].Split('|');
                    var contact = Array.Find(contacts, c => c.EndsWith("|" + deal[1], StringComparison.Ordinal));
                    json.WriteStartObject("converted");
                    json.WriteString("accountId", deal[1]);
                    if (contact is not null)
                    {
                        json.WriteString("contactId", contact.Split('|')[0]);
                    }

                    json.WriteString("dealId", deal[0]);
                    json.WriteEndObject();
                }

                json.WriteEndObject();
            }

            stream.WriteByte((byte)'\n');
        }
    }
}

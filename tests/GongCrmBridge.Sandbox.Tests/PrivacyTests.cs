using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace GongCrmBridge.Sandbox.Tests;

/// <summary>Data privacy on the emulator: what refers to an address or number, and the erase, which is carried out
/// later (Gong takes hours).</summary>
public sealed class PrivacyTests
{
    private const string Guest = "pat.lee@contoso.example";

    [Fact]
    public async Task DataForEmail_UploadedContactAndCalls_AreListed()
    {
        await using var test = await TestSandbox.StartAsync();
        await test.UploadAndCompleteAsync("CONTACT", """{"objectId":"CON-1","modifiedDate":"2024-03-01T08:00:00Z","emailAddress":"pat.lee@contoso.example"}""");

        var references = await test.GetOkAsync("/v2/data-privacy/data-for-email-address?emailAddress=" + Uri.EscapeDataString(Guest));

        Assert.Equal(2, references.GetProperty("calls").GetArrayLength());
        var person = references.GetProperty("customerData")[0].GetProperty("objects")[0];
        Assert.Equal(("Contact", "CON-1"), (person.GetProperty("objectType").GetString(), person.GetProperty("externalId").GetString()));
    }

    [Fact]
    public async Task EraseEmail_AcceptedAtOnce_CarriedOutAfterTheProcessingDelay()
    {
        // Given a contact and two calls holding the address, and an emulator that takes an hour to erase
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 3, 10, 8, 0, 0, TimeSpan.Zero));
        await using var test = await TestSandbox.StartAsync(TestSandbox.Options(time: time, processingDelay: TimeSpan.FromHours(1)));
        await test.AcceptedUploadAsync("CONTACT", "contact-1", """{"objectId":"CON-1","modifiedDate":"2024-03-01T08:00:00Z","emailAddress":"pat.lee@contoso.example"}""");
        time.Advance(TimeSpan.FromHours(1)); // the upload's own processing
        await test.CompleteAsync("contact-1");
        var path = "/v2/data-privacy/erase-data-for-email-address?emailAddress=" + Uri.EscapeDataString(Guest);

        // When the erase is asked for
        using var accepted = await test.Http.PostAsync(path, null);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);

        // Then nothing is erased yet
        time.Advance(TimeSpan.FromMinutes(59));
        var before = await test.GetOkAsync("/v2/data-privacy/data-for-email-address?emailAddress=" + Uri.EscapeDataString(Guest));
        Assert.Equal(2, before.GetProperty("calls").GetArrayLength());
        Assert.Equal(1, test.Sandbox.State.PendingErasures);

        // And an hour later the calls and the contact are gone, other calls stay
        time.Advance(TimeSpan.FromMinutes(2));
        var after = await test.GetOkAsync("/v2/data-privacy/data-for-email-address?emailAddress=" + Uri.EscapeDataString(Guest));
        Assert.Equal(0, after.GetProperty("calls").GetArrayLength());
        Assert.Equal(0, after.GetProperty("customerData").GetArrayLength());
        Assert.Empty(test.Sandbox.State.Objects("CONTACT"));
        Assert.Equal(SandboxSeed.Calls.Count - 2, test.Sandbox.State.Calls.Count);
        Assert.Equal(0, test.Sandbox.State.PendingErasures);
    }

    [Fact]
    public async Task DataForPhone_DifferentFormatting_SameNumberMatches()
    {
        await using var test = await TestSandbox.StartAsync(register: false);
        var guest = SandboxSeed.Calls[2].Parties[1];

        var formatted = "(" + string.Join(") ", guest.PhoneNumber!.TrimStart('+').Chunk(3).Select(c => new string(c)));

        var references = await test.GetOkAsync("/v2/data-privacy/data-for-phone-number?phoneNumber=" + Uri.EscapeDataString(formatted));

        Assert.Equal(SandboxSeed.Calls[2].Id, Assert.Single(references.GetProperty("calls").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal([guest.PhoneNumber], references.GetProperty("matchingPhoneNumbers").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal([guest.EmailAddress], references.GetProperty("emailAddresses").EnumerateArray().Select(n => n.GetString()));
    }

    [Fact]
    public async Task Erase_WithoutTheValue_400()
    {
        await using var test = await TestSandbox.StartAsync(register: false);

        using var response = await test.Http.PostAsync("/v2/data-privacy/erase-data-for-phone-number", null);

        await TestSandbox.AssertErrorAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(0, test.Sandbox.State.PendingErasures);
    }
}

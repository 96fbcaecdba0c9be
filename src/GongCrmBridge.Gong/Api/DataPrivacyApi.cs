using GongCrmBridge.Gong.Operations;
using GongCrmBridge.Gong.Transport;

namespace GongCrmBridge.Gong.Api;

/// <summary>Gong's data-privacy operations: what refers to an e-mail address or phone number, and erasing it.</summary>
/// <remarks>An erase is asynchronous (Gong takes hours) and deletes calls, e-mails, leads and contacts holding the
/// value. Gong asks to delete the data from the CRM first, or the next import brings it back: with the Generic CRM
/// integration, upload the CONTACT or LEAD with <c>isDeleted: true</c> before erasing.</remarks>
public sealed class DataPrivacyApi
{
    private readonly GongTransport _transport;

    internal DataPrivacyApi(GongTransport transport) => _transport = transport;

    /// <summary><c>GET /v2/data-privacy/data-for-email-address</c>: the e-mails, calls, meetings, CRM leads and
    /// contacts, and engagement events that refer to an e-mail address.</summary>
    /// <param name="emailAddress">The address.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The references.</returns>
    public Task<EmailAddressReferences> FindReferencesToEmailAsync(string emailAddress, CancellationToken cancellationToken = default) =>
        _transport.CallAsync(new GongRequest(GongOperations.FindReferencesToEmail).WithQuery("emailAddress", Required(emailAddress)), GongApiJson.Default.EmailAddressReferences, cancellationToken);

    /// <summary><c>GET /v2/data-privacy/data-for-phone-number</c>: what refers to a phone number.</summary>
    /// <param name="phoneNumber">The number.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The references.</returns>
    public Task<PhoneNumberReferences> FindReferencesToPhoneAsync(string phoneNumber, CancellationToken cancellationToken = default) =>
        _transport.CallAsync(new GongRequest(GongOperations.FindReferencesToPhone).WithQuery("phoneNumber", Required(phoneNumber)), GongApiJson.Default.PhoneNumberReferences, cancellationToken);

    /// <summary><c>POST /v2/data-privacy/erase-data-for-email-address</c>: starts erasing an e-mail address and
    /// everything that refers to it. Irreversible.</summary>
    /// <param name="emailAddress">The address.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The answer; the erase completes later.</returns>
    public Task<GongBaseResponse> EraseEmailAsync(string emailAddress, CancellationToken cancellationToken = default) =>
        _transport.CallAsync(new GongRequest(GongOperations.PurgeEmailAddress).WithQuery("emailAddress", Required(emailAddress)), GongApiJson.Default.GongBaseResponse, cancellationToken);

    /// <summary><c>POST /v2/data-privacy/erase-data-for-phone-number</c>: starts erasing a phone number and everything
    /// that refers to it. Irreversible.</summary>
    /// <param name="phoneNumber">The number.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The answer; the erase completes later.</returns>
    public Task<GongBaseResponse> ErasePhoneAsync(string phoneNumber, CancellationToken cancellationToken = default) =>
        _transport.CallAsync(new GongRequest(GongOperations.PurgePhoneNumber).WithQuery("phoneNumber", Required(phoneNumber)), GongApiJson.Default.GongBaseResponse, cancellationToken);

    private static string Required(string value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? name = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, name);
        return value;
    }
}

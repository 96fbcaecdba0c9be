namespace GongCrmBridge.Gong.Models;

/// <summary>Gong accepted an asynchronous request (an entity upload or an integration delete); poll its status.</summary>
/// <param name="ClientRequestId">Our id of the request; pass it to <see cref="IGongCrmClient.GetRequestStatusAsync"/>.</param>
/// <param name="RequestId">Gong's <c>requestId</c> of the accepting call; <see langword="null"/> when
/// <paramref name="AlreadyAccepted"/> (the accepting answer was lost).</param>
/// <param name="AlreadyAccepted">Whether an earlier attempt of this same call had been accepted although its answer
/// was lost (timeout, reset, 5xx): the retry got 409 for the same clientRequestId, so Gong holds the request once.</param>
public sealed record UploadReceipt(string ClientRequestId, string? RequestId, bool AlreadyAccepted);

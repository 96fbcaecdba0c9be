namespace GongCrmBridge.Gong.Operations;

/// <summary>What the client would send for a <see cref="GongRequest"/>, with the credentials masked: for a dry run.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Url">The full URL, query included.</param>
/// <param name="Headers">The headers; <c>Authorization</c> shows only its scheme (<c>Basic ***</c>).</param>
/// <param name="Body">The JSON body (indented), a description of the multipart file, or <see langword="null"/>.</param>
public sealed record GongRequestPreview(string Method, string Url, IReadOnlyList<KeyValuePair<string, string>> Headers, string? Body);

using System.Net.Http.Headers;
using Flurl.Http.Content;
using GongCrmBridge.Gong.Operations;

namespace GongCrmBridge.Gong.Transport;

/// <summary>One logical call, ready for the pipeline: method, path with its values, query, and a factory that makes a
/// fresh body for every attempt (a file is re-opened and streamed, never held in memory).</summary>
internal sealed class GongCall
{
    private const int FileBufferSize = 81920;

    public GongCall(GongRequest request)
    {
        Operation = request.Operation.Name;
        Method = new HttpMethod(request.Operation.Method);
        Path = FillPath(request);
        Query = request.Query;
        if (request.Body is { } body)
        {
            var json = body.ToJsonString();
            Content = () => new CapturedStringContent(json, "application/json; charset=utf-8");
        }
        else if (request.File is { } file)
        {
            var fullPath = System.IO.Path.GetFullPath(file.Path);
            FileBytes = new FileInfo(fullPath) is { Exists: true } info ? info.Length : 0;
            var part = request.Operation.FilePart ?? "file";
            Content = () => FileContent(fullPath, part, file.ContentType);
        }
    }

    public HttpMethod Method { get; }

    /// <summary>Gets the path relative to the base URL, values filled in and escaped (no leading '/').</summary>
    public string Path { get; }

    /// <summary>Gets the operation as "METHOD /template" for logs and messages: no values, which may be personal data.</summary>
    public string Operation { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Query { get; }

    public Func<HttpContent>? Content { get; }

    /// <summary>Gets the size of the file the call sends (0 without one): an upload's attempt timeout grows with it.</summary>
    public long FileBytes { get; }

    private static string FillPath(GongRequest request)
    {
        var path = request.Operation.Path;
        foreach (var (name, value) in request.PathValues)
        {
            path = path.Replace("{" + name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
        }

        return path.TrimStart('/');
    }

    private static MultipartFormDataContent FileContent(string path, string partName, string contentType)
    {
        var form = new MultipartFormDataContent();
        try
        {
#pragma warning disable CA2000 // The form owns the part (and the part its stream): disposing the form disposes them.
            var part = new StreamContent(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileBufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan), FileBufferSize);
#pragma warning restore CA2000
            part.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            form.Add(part, partName, System.IO.Path.GetFileName(path));
            return form;
        }
        catch
        {
            form.Dispose();
            throw;
        }
    }
}

/// <summary>What the attempts of one logical call ended with (status, or null for no answer).</summary>
internal sealed class AttemptLog
{
    private readonly List<int?> _outcomes = [];

    public int Count
    {
        get
        {
            lock (_outcomes)
            {
                return _outcomes.Count;
            }
        }
    }

    /// <summary>Gets a value indicating whether an attempt before the last one may have been applied although
    /// we did not learn it: no answer (timeout, reset), 408 or 5xx.</summary>
    public bool EarlierAttemptMayHaveSucceeded
    {
        get
        {
            lock (_outcomes)
            {
                return _outcomes.Take(_outcomes.Count - 1).Any(status => status is null or 408 or >= 500);
            }
        }
    }

    public void Record(int? status)
    {
        lock (_outcomes)
        {
            _outcomes.Add(status);
        }
    }
}

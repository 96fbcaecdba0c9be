using System.Text.RegularExpressions;
using Flurl.Http.Testing;
using GongCrmBridge.Gong.Operations;
using GongCrmBridge.Gong.Tests.Support;

namespace GongCrmBridge.Gong.Tests.Operations;

/// <summary>Every operation of the table has a typed client method, and that method sends the operation: its verb,
/// its path with the values filled in, its required parameters, and its kind of body.</summary>
public sealed class ClientMethodsTests : IDisposable
{
    private readonly HttpTest _http = new();
    // A rate above the number of calls: the limiter never waits for the fake clock.
    private readonly GongCrmClient _client = Clients.Create(Clients.NewClock(), o => o.RequestsPerSecond = 1000);
    private readonly string _file = Path.GetTempFileName();

    public void Dispose()
    {
        _client.Dispose();
        _http.Dispose();
        File.Delete(_file);
    }

    [Fact]
    public void Methods_CoverEveryOperation()
    {
        Assert.Equal(GongOperations.All.Select(o => o.OperationId).Order(), EveryOperation.Calls(new OperationTargets { File = _file }).Select(c => c.OperationId).Order());
    }

    [Fact]
    public async Task EveryMethod_SendsItsOperation()
    {
        // Given Gong answering every call with an empty object (plus the id a registration needs)
        _http.RespondWith("""{"requestId":"r1","integrationId":5}""");
        var problems = new List<string>();

        foreach (var (operationId, call) in EveryOperation.Calls(new OperationTargets { File = _file }))
        {
            // When the operation's method is called
            var operation = GongOperations.All.Single(o => o.OperationId == operationId);
            var before = _http.CallLog.Count;
            await call(_client);

            // Then exactly one HTTP call was made, the operation's, with its required parameters and kind of body
            var calls = _http.CallLog.Skip(before).ToList();
            if (calls.Count != 1)
            {
                problems.Add($"{operationId}: {calls.Count} calls");
                continue;
            }

            var sent = calls[0];
            var pattern = "^" + Regex.Replace(Regex.Escape(operation.Path), @"\\\{[^}]+}", "[^/?]+") + "$";
            if (sent.Request.Verb.Method != operation.Method || !Regex.IsMatch(sent.Request.Url.Path, pattern))
            {
                problems.Add($"{operationId}: sent {sent.Request.Verb} {sent.Request.Url.Path}, expected {operation.Name}");
            }

            foreach (var parameter in operation.Parameters.Where(p => p is { Required: true, In: GongParameterLocation.Query }))
            {
                if (!sent.Request.Url.QueryParams.Contains(parameter.Name))
                {
                    problems.Add($"{operationId}: no query parameter {parameter.Name}");
                }
            }

            var mediaType = sent.HttpRequestMessage.Content?.Headers.ContentType?.MediaType;
            var expected = operation.Body switch
            {
                GongBodyKind.Json => "application/json",
                GongBodyKind.Multipart => "multipart/form-data",
                _ => null,
            };
            if (mediaType != expected)
            {
                problems.Add($"{operationId}: body {mediaType ?? "none"}, expected {expected ?? "none"}");
            }
        }

        Assert.Empty(problems);
    }
}

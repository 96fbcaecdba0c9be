using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace GongCrmBridge.Sandbox.Tests;

/// <summary>A running sandbox plus a raw HttpClient speaking Gong's wire format (not our Gong client).</summary>
internal sealed class TestSandbox : IAsyncDisposable
{
    private TestSandbox(GongSandbox sandbox, HttpClient http)
    {
        Sandbox = sandbox;
        Http = http;
    }

    public GongSandbox Sandbox { get; }

    public HttpClient Http { get; }

    public long IntegrationId { get; set; }

    public static async Task<TestSandbox> StartAsync(SandboxOptions? options = null, bool register = true)
    {
        options ??= Options();
        var sandbox = await GongSandbox.StartAsync(options);
        var http = new HttpClient { BaseAddress = sandbox.BaseUrl, Timeout = TimeSpan.FromSeconds(10) };
        if (!string.IsNullOrEmpty(options.AccessKey))
        {
            http.DefaultRequestHeaders.Authorization = BasicHeader(options.AccessKey, options.AccessKeySecret);
        }

        var test = new TestSandbox(sandbox, http);
        if (register)
        {
            await test.RegisterAsync();
        }

        return test;
    }

    public static AuthenticationHeaderValue BasicHeader(string key, string secret) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(key + ":" + secret)));

    public static SandboxOptions Options(
        int pollsUntilDone = 0,
        double requestsPerSecond = 10_000,
        int requestsPerDay = 10_000,
        TimeProvider? time = null,
        TimeSpan? processingDelay = null,
        long maxUploadBytes = 200_000_000,
        int pageSize = 100)
    {
        var generated = SandboxOptions.WithGeneratedCredentials();
        return new SandboxOptions
        {
            AccessKey = generated.AccessKey,
            AccessKeySecret = generated.AccessKeySecret,
            PollsUntilDone = pollsUntilDone,
            RequestsPerSecond = requestsPerSecond,
            RequestsPerDay = requestsPerDay,
            TimeProvider = time ?? TimeProvider.System,
            ProcessingDelay = processingDelay ?? TimeSpan.Zero,
            MaxUploadBytes = maxUploadBytes,
            PageSize = pageSize,
        };
    }

    public async Task<long> RegisterAsync(string name = "Test bridge", string ownerEmail = "owner@contoso.example")
    {
        using var response = await Http.PutAsJsonAsync("/v2/crm/integrations", new { name, ownerEmail });
        var body = await BodyAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        IntegrationId = body.GetProperty("integrationId").GetInt64();
        return IntegrationId;
    }

    public async Task<HttpResponseMessage> PutSchemaAsync(string objectType, string fieldsJson)
    {
        using var content = new StringContent(fieldsJson, Encoding.UTF8, "application/json");
        return await Http.PostAsync($"/v2/crm/entity-schema?integrationId={IntegrationId}&objectType={objectType}", content);
    }

    public Task<HttpResponseMessage> UploadAsync(string objectType, string clientRequestId, string ldjson, string partName = "dataFile") =>
        UploadBytesAsync(objectType, clientRequestId, Encoding.UTF8.GetBytes(ldjson), partName);

    public async Task<HttpResponseMessage> UploadBytesAsync(string objectType, string clientRequestId, byte[] content, string partName = "dataFile")
    {
        using var form = new MultipartFormDataContent();
        using var part = new ByteArrayContent(content);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        form.Add(part, partName, "batch.ldjson");
        return await Http.PostAsync(
            $"/v2/crm/entities?integrationId={IntegrationId}&objectType={objectType}&clientRequestId={clientRequestId}", form);
    }

    /// <summary>Uploads and asserts 201.</summary>
    public async Task AcceptedUploadAsync(string objectType, string clientRequestId, string ldjson)
    {
        using var response = await UploadAsync(objectType, clientRequestId, ldjson);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    public async Task<JsonElement> StatusAsync(string clientRequestId)
    {
        using var response = await Http.GetAsync($"/v2/crm/request-status?integrationId={IntegrationId}&clientRequestId={clientRequestId}");
        var body = await BodyAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return body;
    }

    /// <summary>Polls until DONE or FAILED (at most 20 polls).</summary>
    public async Task<JsonElement> CompleteAsync(string clientRequestId)
    {
        for (var i = 0; i < 20; i++)
        {
            var status = await StatusAsync(clientRequestId);
            if (status.GetProperty("status").GetString() is "DONE" or "FAILED")
            {
                return status;
            }
        }

        throw new InvalidOperationException("The request did not complete.");
    }

    /// <summary>Uploads one file and returns its final status.</summary>
    public async Task<JsonElement> UploadAndCompleteAsync(string objectType, string ldjson, string? clientRequestId = null)
    {
        clientRequestId ??= "req-" + Guid.NewGuid().ToString("N");
        await AcceptedUploadAsync(objectType, clientRequestId, ldjson);
        return await CompleteAsync(clientRequestId);
    }

    public async Task<HttpResponseMessage> GetObjectsAsync(string objectType, params string[] ids)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v2/crm/entities?integrationId={IntegrationId}&objectType={objectType}")
        {
            Content = JsonContent.Create(ids),
        };
        return await Http.SendAsync(request);
    }

    /// <summary>GETs a path and returns the JSON of a 200.</summary>
    public async Task<JsonElement> GetOkAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        var body = await BodyAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
        return body;
    }

    /// <summary>Sends a JSON body and returns the response.</summary>
    public async Task<HttpResponseMessage> SendJsonAsync(HttpMethod method, string path, string json)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        return await Http.SendAsync(request);
    }

    /// <summary>Sends a JSON body and returns the JSON of a 200.</summary>
    public async Task<JsonElement> SendOkAsync(HttpMethod method, string path, string json)
    {
        using var response = await SendJsonAsync(method, path, json);
        var body = await BodyAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{method} {path}: {(int)response.StatusCode} {body}");
        return body;
    }

    public static async Task<JsonElement> BodyAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>Asserts Gong's error envelope with the status and returns the messages.</summary>
    public static async Task<IReadOnlyList<string>> AssertErrorAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        var body = await BodyAsync(response);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("requestId").GetString()));
        var errors = body.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.NotEmpty(errors);
        return errors;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Sandbox.DisposeAsync();
    }
}

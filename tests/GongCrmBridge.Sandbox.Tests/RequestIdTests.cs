using System.Net.Http.Json;

namespace GongCrmBridge.Sandbox.Tests;

public sealed class RequestIdTests
{
    [Fact]
    public async Task EverySuccessfulResponse_CarriesAFreshRequestId()
    {
        await using var test = await TestSandbox.StartAsync(register: false);
        var bodies = new List<System.Text.Json.JsonElement>();
        using (var r = await test.Http.PutAsJsonAsync("/v2/crm/integrations", new { name = "n", ownerEmail = "o@c.example" }))
        {
            bodies.Add(await TestSandbox.BodyAsync(r));
        }

        var id = bodies[0].GetProperty("integrationId").GetInt64();
        test.IntegrationId = id;
        using (var r = await test.Http.GetAsync("/v2/crm/integrations"))
        {
            bodies.Add(await TestSandbox.BodyAsync(r));
        }

        using (var r = await test.PutSchemaAsync("ACCOUNT", """[{"uniqueName":"x","label":"X","type":"STRING"}]"""))
        {
            bodies.Add(await TestSandbox.BodyAsync(r));
        }

        using (var r = await test.Http.GetAsync($"/v2/crm/entity-schema?integrationId={id}"))
        {
            bodies.Add(await TestSandbox.BodyAsync(r));
        }

        using (var r = await test.UploadAsync("ACCOUNT", "u1", """{"objectId":"ACC-1","modifiedDate":"2024-03-01T08:00:00Z"}"""))
        {
            bodies.Add(await TestSandbox.BodyAsync(r));
        }

        bodies.Add(await test.StatusAsync("u1"));
        using (var r = await test.GetObjectsAsync("ACCOUNT", "ACC-1"))
        {
            bodies.Add(await TestSandbox.BodyAsync(r));
        }

        using (var r = await test.Http.DeleteAsync($"/v2/crm/integrations?integrationId={id}&clientRequestId=d1"))
        {
            bodies.Add(await TestSandbox.BodyAsync(r));
        }

        var ids = bodies.Select(b => b.GetProperty("requestId").GetString()).ToList();
        Assert.Equal(8, ids.Count);
        Assert.All(ids, r => Assert.False(string.IsNullOrEmpty(r)));
        Assert.Equal(8, ids.Distinct().Count());
    }
}

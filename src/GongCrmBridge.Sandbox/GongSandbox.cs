using System.Diagnostics.CodeAnalysis;
using System.Net;
using GongCrmBridge.Sandbox.Http;
using GongCrmBridge.Sandbox.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GongCrmBridge.Sandbox;

/// <summary>The Gong emulator on <c>http://127.0.0.1</c>, in process: the eight Generic CRM endpoints with Gong's rules,
/// users, calls linked to the uploaded CRM data, data-privacy lookups and erasures, workspaces, and Gong's other
/// operations with their documented shapes (<see cref="SandboxRoute"/>).
/// Logs nothing unless <see cref="SandboxOptions.LoggerFactory"/> is set, and never takes over Ctrl+C.</summary>
/// <example><code>
/// await using var sandbox = await GongSandbox.StartAsync(SandboxOptions.WithGeneratedCredentials());
/// // point a client at sandbox.BaseUrl with sandbox.Options.AccessKey / AccessKeySecret
/// </code></example>
public sealed class GongSandbox : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _stopped;

    private GongSandbox(WebApplication app, Uri baseUrl, SandboxOptions options, SandboxFaults faults, SandboxState state, RequestArrivals arrivals)
    {
        _app = app;
        BaseUrl = baseUrl;
        Options = options;
        Faults = faults;
        State = state;
        Arrivals = arrivals;
    }

    /// <summary>Gets the base URL, <c>http://127.0.0.1:PORT</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Gets the options the emulator runs with (including the credentials it accepts).</summary>
    public SandboxOptions Options { get; }

    /// <summary>Gets the fault injection controls.</summary>
    internal SandboxFaults Faults { get; }

    /// <summary>Gets read views of the emulator's data and call counters.</summary>
    internal SandboxState State { get; }

    /// <summary>Gets when each request arrived (for rate checks measured on Gong's side).</summary>
    internal RequestArrivals Arrivals { get; }

    /// <summary>Starts the emulator on the loopback interface.</summary>
    /// <param name="options">The settings; validated first.</param>
    /// <param name="port">The TCP port; 0 picks a free one.</param>
    /// <param name="ct">Cancels the start.</param>
    /// <returns>The running emulator.</returns>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    [SuppressMessage("Maintainability", "CA1506", Justification = "The emulator's composition root: Kestrel, routing, the store and the fault injector are wired here and nowhere else.")]
    public static async Task<GongSandbox> StartAsync(SandboxOptions options, int port = 0, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, IPEndPoint.MaxPort);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port);
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = null; // the upload limit is Gong's, checked on the dataFile part
        });
        builder.Logging.ClearProviders();
        var loggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance;
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton<IHostLifetime, QuietLifetime>();

        var faults = new SandboxFaults();
        var store = new SandboxStore(options, faults);
        var company = new CompanyStore(options, store);
        var state = new SandboxState(store, company);
        IEndpoints[] endpoints =
        [
            new CrmEndpoints(options, store),
            new UsersEndpoints(options, company),
            new CallsEndpoints(options, company, store),
            new PrivacyEndpoints(company, store),
            new ActivityEndpoints(options, company),
            new OrganizationEndpoints(options, company),
            new EventEndpoints(company),
        ];
        var server = new SandboxServer(options, faults, state, endpoints, loggerFactory.CreateLogger<GongSandbox>());

        var app = builder.Build();
        var arrivals = new RequestArrivals(options.TimeProvider);
        app.Use(next => context => arrivals.InvokeAsync(context, next));
        if (options.FaultPlan is { } plan)
        {
            var faultPlan = new FaultPlanMiddleware(plan, options.TimeProvider);
            app.Use(next => context => faultPlan.InvokeAsync(context, next));
        }

        app.Run(server.HandleAsync);
        await app.StartAsync(ct).ConfigureAwait(false);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var baseUrl = new Uri(address, UriKind.Absolute);
        return new GongSandbox(app, baseUrl, options, faults, state, arrivals);
    }

    /// <summary>Stops accepting calls and shuts the server down.</summary>
    /// <param name="ct">Cancels the graceful part of the shutdown.</param>
    /// <returns>A task that completes when the server stopped.</returns>
    public async Task StopAsync(CancellationToken ct = default)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            await _app.StopAsync(ct).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>A host lifetime that neither listens to Ctrl+C nor prints anything: the caller owns both.</summary>
    private sealed class QuietLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

using GongCrmBridge.Gong;
using GongCrmBridge.Gong.Models;
using Microsoft.Extensions.Logging;

namespace GongCrmBridge.Status;

/// <summary>Polls <c>request-status</c> for one upload with growing waits until Gong says DONE or FAILED.</summary>
/// <remarks>The status timeout is kept to within <see cref="PollGrace"/>: the last wait ends at the deadline, and a poll
/// still retrying after it (Gong down, the client backing off for up to a minute) is cut off.</remarks>
internal sealed class RequestStatusPoller
{
    /// <summary>How long a poll started at the deadline may take before it is cut off.</summary>
    internal static readonly TimeSpan PollGrace = TimeSpan.FromSeconds(5);

    private readonly IGongCrmClient _client;
    private readonly PollingOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public RequestStatusPoller(IGongCrmClient client, PollingOptions options, TimeProvider time, ILogger logger)
    {
        options.Validate();
        _client = client;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>Returns the final status of <paramref name="clientRequestId"/>.</summary>
    /// <exception cref="SyncFailedException">The request did not finish within <see cref="PollingOptions.Timeout"/>.</exception>
    public async Task<RequestStatus> WaitAsync(long integrationId, string clientRequestId, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        using var cutOff = new CancellationTokenSource(_options.Timeout + PollGrace, _time);
        using var pollToken = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, cutOff.Token);
        var delay = _options.FirstDelay;
        while (true)
        {
            // The wait, cut at the deadline: the last poll is at the deadline, not up to MaxDelay after it.
            var untilDeadline = _options.Timeout - _time.GetElapsedTime(started);
            await Task.Delay(TimeSpan.FromTicks(Math.Clamp(untilDeadline.Ticks, 0, delay.Ticks)), _time, cancellationToken).ConfigureAwait(false);
            var status = await PollOnceAsync(integrationId, clientRequestId, pollToken.Token, cancellationToken).ConfigureAwait(false);
            if (status is { IsFinal: true })
            {
                return status;
            }

            var waited = _time.GetElapsedTime(started);
            if (waited >= _options.Timeout)
            {
                var state = status?.Status is { } known ? $"was still {known}" : "got no answer from Gong's status polls";
                var rounded = TimeSpan.FromSeconds(Math.Round(waited.TotalSeconds));
                throw new SyncFailedException(
                    $"Upload {clientRequestId} {state} after {rounded:g}; " +
                    "Gong may be slow today. Check it later with `gongbridge status --client-request-id " + clientRequestId + "`.");
            }

            PipelineLog.UploadStatus(_logger, clientRequestId, status?.Status);
            delay = TimeSpan.FromTicks(Math.Min((long)(delay.Ticks * _options.Growth), _options.MaxDelay.Ticks));
        }
    }

    /// <summary>One poll; null when it tells nothing (Gong failed or was cut off at the deadline: "not yet").</summary>
    /// <param name="integrationId">The integration.</param>
    /// <param name="clientRequestId">The upload.</param>
    /// <param name="pollToken">Cancelled by the caller or at the deadline's grace.</param>
    /// <param name="cancellationToken">The caller's token alone.</param>
    private async Task<RequestStatus?> PollOnceAsync(long integrationId, string clientRequestId, CancellationToken pollToken, CancellationToken cancellationToken)
    {
        try
        {
            return await _client.GetRequestStatusAsync(integrationId, clientRequestId, pollToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Cut off past the deadline: the caller sees the time is up.
            return null;
        }
        catch (GongRateLimitedException exception) when (exception.RetryAfter is { } asked && asked > _options.MaxWait)
        {
            // Gong's daily quota is spent (or close): stop cleanly instead of sleeping for hours; the upload stays
            // pending in the state and the next run polls it.
            throw new SyncFailedException(
                $"Gong asks to wait {asked:g} before the next call, longer than --max-wait ({_options.MaxWait:g}); " +
                $"upload {clientRequestId} is left pending and the next sync resumes it.",
                exception);
        }
        catch (GongRateLimitedException exception)
        {
            // The client already retried; a poll is never worth failing the run for, so wait as Gong asks and poll again.
            var wait = exception.RetryAfter ?? _options.MaxDelay;
            PipelineLog.PollRateLimited(_logger, wait);
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (GongApiException exception) when (exception.StatusCode is null or >= 500 or 408)
        {
            // SPEC.md, "Gong outages": a poll that fails after the client's retries is a "not yet"; polling goes on
            // until the status timeout, and an upload still unresolved then stays pending for the next run.
            PipelineLog.PollFailed(_logger, clientRequestId, exception.Message);
            return null;
        }
    }
}

using System.Runtime.ExceptionServices;
using GongCrmBridge.Batching;
using GongCrmBridge.Gong.Models;
using Microsoft.Extensions.Logging;

namespace GongCrmBridge.Upload;

/// <summary>Uploads every batch file in Gong's dependency order.</summary>
/// <remarks>
/// Users, stages and accounts go first, and the run waits until Gong has processed the accounts (contacts and deals
/// point at them); then contacts and deals; then leads, which may point at all of those. Inside an object type,
/// a file holding newer versions of objects in an earlier file waits for the earlier files, so the newest version
/// is applied last. Everything else may be in flight together, under the client's one rate limiter.
/// </remarks>
internal sealed class UploadCoordinator(BatchUploader uploader, UploadOptions options, UploadLedger ledger, ILogger logger)
{
    private Exception? _firstFailure;

    private static readonly CrmObjectType[][] Phases =
    [
        [CrmObjectType.BusinessUser, CrmObjectType.Stage, CrmObjectType.Account],
        [CrmObjectType.Contact, CrmObjectType.Deal],
        [CrmObjectType.Lead],
    ];

    /// <summary>Uploads <paramref name="files"/>, phase by phase.</summary>
    /// <param name="integrationId">The integration.</param>
    /// <param name="files">The files.</param>
    /// <param name="deletes">True for mirror deletes: the phases run in reverse (a deleted account's contacts and
    /// deals go first, so that nothing points at an object already gone).</param>
    /// <param name="cancellationToken">The user's stop.</param>
    public async Task UploadAsync(long integrationId, IReadOnlyList<BatchFile> files, bool deletes, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var slots = new SemaphoreSlim(options.MaxFilesInFlight);
        foreach (var phase in deletes ? Phases.Reverse() : Phases)
        {
            var chains = phase
                .Select(type => files.Where(f => f.ObjectType == type).OrderBy(f => f.Sequence).ToList())
                .Where(chain => chain.Count > 0)
                .Select(chain => UploadChainAsync(integrationId, chain, slots, stop))
                .ToList();
            if (chains.Count > 0)
            {
                PipelineLog.UploadingPhase(logger, string.Join(", ", phase.Select(t => t.ToWireName())));
                try
                {
                    await Task.WhenAll(chains).ConfigureAwait(false);
                }
#pragma warning disable CA1031 // not swallowed: the first failure is rethrown in place of its siblings' cancellations
                catch when (_firstFailure is not null)
#pragma warning restore CA1031
                {
                    // Siblings stopped because of the first failure end with cancellations; report the cause instead.
                    ExceptionDispatchInfo.Throw(_firstFailure);
                }
            }
        }
    }

    private async Task UploadChainAsync(
        long integrationId,
        IReadOnlyList<BatchFile> chain,
        SemaphoreSlim slots,
        CancellationTokenSource stop)
    {
        var running = new List<Task>();
        foreach (var file in chain)
        {
            if (file.HoldsLaterVersions)
            {
                await Task.WhenAll(running).ConfigureAwait(false);
            }

            running.Add(UploadOneAsync(integrationId, file, slots, stop));
        }

        await Task.WhenAll(running).ConfigureAwait(false);
    }

    private async Task UploadOneAsync(long integrationId, BatchFile file, SemaphoreSlim slots, CancellationTokenSource stop)
    {
        await slots.WaitAsync(stop.Token).ConfigureAwait(false);
        try
        {
            var outcome = await uploader.UploadAsync(integrationId, file, stop.Token).ConfigureAwait(false);
            ledger.MarkFinished(outcome);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stop.IsCancellationRequested)
        {
            // One file failing for good (Gong unreachable, a status that never ends) ends the run: stop the others.
            Interlocked.CompareExchange(ref _firstFailure, exception, null);
            await stop.CancelAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            slots.Release();
        }
    }
}

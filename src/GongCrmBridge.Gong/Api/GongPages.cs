namespace GongCrmBridge.Gong.Api;

/// <summary>A page of a paged answer: every one carries <see cref="Records"/>, whose cursor asks for the next page.</summary>
public interface IGongPage
{
    /// <summary>Gets the paging block (<see langword="null"/> when Gong sent none: then there is no next page).</summary>
    GongRecords? Records { get; }
}

/// <summary>The answer of operations that return only Gong's <c>requestId</c> (Gong's <c>BaseResponse</c>): the
/// erases, call access changes, meeting deletion, engagement events, integration settings.</summary>
/// <remarks>Gong's document gives some of them other answers (the engagement events and integration settings a
/// <c>RegisterGenericCrmResponse</c>, the meeting deletion its own request); what they carry that matters is the
/// <c>requestId</c>, which this reads whatever else comes with it.</remarks>
public sealed record GongBaseResponse
{
    /// <summary>Gets Gong's id of the call, to quote to Gong support.</summary>
    public string? RequestId { get; init; }
}

/// <summary>Turns pages into their items.</summary>
public static class GongPageExtensions
{
    /// <summary>Yields the items of every page, fetching the next page only when its items are needed.</summary>
    /// <typeparam name="TPage">The page type.</typeparam>
    /// <typeparam name="TItem">The item type.</typeparam>
    /// <param name="pages">The pages, e.g. <c>client.Users.ListAsync()</c>.</param>
    /// <param name="items">The items of a page, e.g. <c>page =&gt; page.Users</c>.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The items.</returns>
    public static async IAsyncEnumerable<TItem> ItemsAsync<TPage, TItem>(
        this IAsyncEnumerable<TPage> pages,
        Func<TPage, IEnumerable<TItem>?> items,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(items);
        await foreach (var page in pages.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            foreach (var item in items(page) ?? [])
            {
                yield return item;
            }
        }
    }
}

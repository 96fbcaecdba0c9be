using System.Runtime.CompilerServices;
using System.Text.Json.Serialization.Metadata;
using GongCrmBridge.Gong.Operations;

namespace GongCrmBridge.Gong.Transport;

/// <summary>Cursor paging, the one loop every paged operation goes through (CRM-API.md §1.5).</summary>
internal sealed partial class GongTransport
{
    /// <summary>Yields the pages of a paged operation: sends <paramref name="first"/>, then repeats it with the
    /// <c>records.cursor</c> of each page (in the query or in the body, as the operation pages) until a page has none.
    /// Pages are fetched one at a time, when the caller asks for the next: memory holds one page.</summary>
    /// <param name="first">The request of the first page (it may already carry a cursor, to resume).</param>
    /// <param name="type">The page's JSON contract.</param>
    /// <param name="cursorOf">Reads <c>records.cursor</c> of a page.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The pages; none when Gong answered "nothing found" (<see cref="GongOperation.EmptyWhenNotFound"/>).</returns>
    public async IAsyncEnumerable<TPage> PagesAsync<TPage>(
        GongRequest first,
        JsonTypeInfo<TPage> type,
        Func<TPage, string?> cursorOf,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (first.Operation.Paging == GongPaging.None)
        {
            throw new InvalidOperationException($"{first.Operation.Name} does not page.");
        }

        var request = first;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var page = await SendAsync(request, type, cancellationToken).ConfigureAwait(false);
            if (page is null)
            {
                yield break;
            }

            yield return page;
            var cursor = cursorOf(page);
            if (string.IsNullOrEmpty(cursor))
            {
                yield break;
            }

            if (!seen.Add(cursor))
            {
                // A cursor that comes back would page forever (and spend the day's 10,000 calls).
                throw new GongApiException(first.Operation.Name, 200, null, [], "(Gong sent a cursor it had sent before; paging stopped)");
            }

            request = first.WithCursor(cursor);
        }
    }
}

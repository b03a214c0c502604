using System;
using System.Buffers;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace AlibabaEcsActivation.Transport;

/// <summary>
/// Reads response bodies with a size cap, so a misbehaving endpoint cannot exhaust memory, into a
/// pooled buffer that the JSON reader parses in place: no intermediate stream, no copy per body.
/// </summary>
internal static class ResponseReader
{
    /// <summary>The documented bodies are a few hundred bytes; a page of 50 activations stays far below this.</summary>
    public const int MaxSuccessBodyBytes = 4 * 1024 * 1024;

    /// <summary>Error bodies are small; only this much is read for diagnosis.</summary>
    public const int MaxErrorBodyBytes = 64 * 1024;

    /// <summary>The first buffer when the length is not declared; it doubles as needed.</summary>
    private const int InitialBufferBytes = 4 * 1024;

    /// <summary>
    /// Reads at most <paramref name="maxBytes"/> of the body; reports whether it was cut short.
    /// The caller disposes the result to return its buffer to the pool.
    /// </summary>
    public static async ValueTask<ResponseBody> ReadAsync(HttpContent? content, int maxBytes, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return default;
        }

        long? declared = content.Headers.ContentLength;
        if (declared > maxBytes)
        {
            return ResponseBody.TooLarge;
        }

#if NET8_0_OR_GREATER
        using Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
        using Stream stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif

        // One spare byte past a declared length lets the final read see the end without growing.
        byte[] buffer = ArrayPool<byte>.Shared.Rent(declared is long length ? (int)length + 1 : InitialBufferBytes);
        int count = 0;
        try
        {
            while (true)
            {
                if (count == buffer.Length)
                {
                    buffer = Grow(buffer, count, maxBytes);
                }

#if NET8_0_OR_GREATER
                int read = await stream.ReadAsync(buffer.AsMemory(count), cancellationToken).ConfigureAwait(false);
#else
                int read = await stream.ReadAsync(buffer, count, buffer.Length - count, cancellationToken).ConfigureAwait(false);
#endif
                if (read == 0)
                {
                    var body = new ResponseBody(buffer, count);
                    buffer = null!; // ownership moves to the result
                    return body;
                }

                count += read;
                if (count > maxBytes)
                {
                    return ResponseBody.TooLarge;
                }
            }
        }
        finally
        {
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer, clearArray: true); // may hold part of a secret-bearing body
            }
        }
    }

    private static byte[] Grow(byte[] buffer, int count, int maxBytes)
    {
        // At most maxBytes + 1, so that one byte too many is seen as "too large".
        byte[] larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, (long)maxBytes + 1));
        Buffer.BlockCopy(buffer, 0, larger, 0, count);
        ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
        return larger;
    }
}

using System.Net.Http;
#if NET8_0_OR_GREATER
using System.Net.Http.Headers;
#endif

namespace AlibabaEcsActivation.Transport;

/// <summary>Reads a response header as the server sent it, without validating or parsing it.</summary>
internal static class ResponseHeaders
{
    /// <summary>The first value of header <paramref name="name"/>, or null when it is absent.</summary>
    public static string? First(HttpResponseMessage response, string name)
    {
#if NET8_0_OR_GREATER
        if (response.Headers.NonValidated.TryGetValues(name, out HeaderStringValues values))
#else
        if (response.Headers.TryGetValues(name, out var values))
#endif
        {
            foreach (string value in values)
            {
                return value;
            }
        }

        return null;
    }
}

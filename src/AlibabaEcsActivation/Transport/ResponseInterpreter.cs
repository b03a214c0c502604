using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using AlibabaEcsActivation.Signing;

namespace AlibabaEcsActivation.Transport;

/// <summary>
/// Turns one attempt's HTTP response into the action's response model, or into the typed exception the
/// body names. A success status whose body is unreadable or contradicts the action is no success: it is
/// an <see cref="EcsInvalidResponseException"/>, whose outcome is unknown.
/// </summary>
internal static class ResponseInterpreter
{
    /// <summary>The request ID the gateway puts on every response, error or not.</summary>
    public static string? RequestId(HttpResponseMessage response) => ResponseHeaders.First(response, "x-acs-request-id");

    /// <param name="response">The attempt's response, headers read.</param>
    /// <param name="contract">How the action's success body is read and checked.</param>
    /// <param name="attempt">The attempt's number, carried by the exception.</param>
    /// <param name="signed">What the attempt signed, to diagnose <c>SignatureDoesNotMatch</c>.</param>
    /// <param name="timeProvider">The clock, to read a <c>Retry-After</c> date.</param>
    /// <param name="cancellationToken">The attempt's token.</param>
    public static async ValueTask<T> ReadAsync<T>(
        HttpResponseMessage response, ResponseContract<T> contract, int attempt, SignedRequest signed, TimeProvider timeProvider, CancellationToken cancellationToken)
        where T : class
    {
        int status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            using ResponseBody body = await ResponseReader.ReadAsync(response.Content, ResponseReader.MaxSuccessBodyBytes, cancellationToken).ConfigureAwait(false);
            return Parse(body, contract, response, attempt);
        }

        string errorText;
        using (ResponseBody errorBody = await ResponseReader.ReadAsync(response.Content, ResponseReader.MaxErrorBodyBytes, cancellationToken).ConfigureAwait(false))
        {
            errorText = errorBody.Truncated
                ? $"(the error body exceeded {ResponseReader.MaxErrorBodyBytes} bytes and was not read)"
                : errorBody.DecodeText();
        }

        ErrorBody error = ErrorBodyParser.Parse(status, errorText, RequestId(response));
        throw EcsExceptionFactory.Create(error, attempt, signed, RetryAfterHeader.Read(response, timeProvider));
    }

    private static T Parse<T>(in ResponseBody body, ResponseContract<T> contract, HttpResponseMessage response, int attempt)
        where T : class
    {
        string? problem = null;
        Exception? inner = null;
        T? result = null;
        if (body.Truncated)
        {
            problem = $"The response body exceeded {ResponseReader.MaxSuccessBodyBytes} bytes.";
        }
        else if (body.Length == 0)
        {
            problem = "The response body is empty.";
        }
        else
        {
            try
            {
                result = JsonSerializer.Deserialize(body.Span, contract.Reader);
                problem = result is null ? "The response body is JSON null." : contract.WhyInvalid(result);
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or NotSupportedException or FormatException or OverflowException or ArgumentException)
            {
                // The reader's message may quote the body; only where it failed goes into ours.
                inner = e;
                problem = e is JsonException { Path: { } path }
                    ? $"The response body is not the documented JSON (at {path})."
                    : "The response body is not the documented JSON.";
            }
        }

        if (problem is not null)
        {
            var error = new EcsError((int)response.StatusCode, EcsErrorCodes.InvalidResponse, problem, RequestId(response));
            throw new EcsInvalidResponseException(error, attempt, inner);
        }

        return result!;
    }
}

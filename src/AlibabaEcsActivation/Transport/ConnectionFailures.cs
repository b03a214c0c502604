using System;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;

namespace AlibabaEcsActivation.Transport;

/// <summary>Tells the failures of the connection itself apart, and those that cannot have reached the service.</summary>
internal static class ConnectionFailures
{
    public static bool IsConnectionFailure(Exception e) => e is HttpRequestException or IOException or SocketException;

    /// <summary>True when the connection was never established, so the request cannot have reached the service.</summary>
    public static bool NeverConnected(Exception e)
    {
#if NET8_0_OR_GREATER
        if (e is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError })
        {
            return true;
        }
#endif
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.NetworkUnreachable or SocketError.HostUnreachable })
            {
                return true;
            }
        }

        return false;
    }
}

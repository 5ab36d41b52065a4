using System.Net;
using System.Net.Sockets;

namespace NingxiaTrade.Workbench.Security;

/// <summary>
/// The caller's address as throttling sees it: after forwarded headers from known proxies, IPv4 as is, IPv6 by its
/// /64 prefix (one subscriber usually holds a whole /64 and could otherwise rotate addresses freely).
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes) + "/64";
        }
        return address.ToString();
    }
}

using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace NingxiaTrade.Tests.Support;

/// <summary>
/// The workbench with throttling on and the given <c>RateLimits:*</c> settings. The test server has no client
/// address of its own: a request names its peer in <see cref="RemoteHeader"/> (as the socket would), default loopback.
/// </summary>
public sealed class ThrottledFactory(params (string Key, string Value)[] settings) : WorkbenchFactory
{
    public const string RemoteHeader = "X-Test-Remote";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RateLimits:Enabled", "true");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, PeerAddressFilter>());
    }

    /// <summary>A cookie client whose requests come from <paramref name="peer"/>.</summary>
    public HttpClient ClientFrom(string peer)
    {
        var client = CreateCookieClient();
        client.DefaultRequestHeaders.Add(RemoteHeader, peer);
        return client;
    }

    private sealed class PeerAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                context.Connection.RemoteIpAddress = context.Request.Headers.TryGetValue(RemoteHeader, out var peer)
                    ? IPAddress.Parse(peer.ToString())
                    : IPAddress.Loopback;
                return following(context);
            });
            next(app);
        };
    }
}

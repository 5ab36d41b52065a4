using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NingxiaTrade.Domain.Data;
using NingxiaTrade.Tests.Features.Admin;
using NingxiaTrade.Tests.Support;

namespace NingxiaTrade.Tests.Features.Security;

/// <summary>The workbench as deployed: Secure cookies, encrypted data-protection keys, size limits without a 500.</summary>
public class ProductionHardeningTests(ProductionFactory factory) : IClassFixture<ProductionFactory>
{
    [Fact]
    public async Task Production_Cookies_AreSecure()
    {
        var client = factory.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false });

        var response = await client.GetAsync("/Account/Login");

        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Production_DataProtectionKeys_EncryptedWithCertificate()
    {
        await factory.CreateClient().GetAsync("/Account/Login");

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TradeDbContext>();
        var keys = await db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToListAsync();
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("EncryptedData", xml);
            Assert.DoesNotContain("<masterKey", xml);
        });
    }

    [Fact]
    public void Production_WithoutCertificate_RefusesToStart()
    {
        using var bare = new BareProductionFactory();

        var e = Assert.ThrowsAny<Exception>(() => bare.CreateClient());
        Assert.Contains("DataProtection:CertificatePath", e.ToString());
    }

    [Fact]
    public async Task Production_OversizedJsonVerify_413ChineseProblem()
    {
        var document = Convert.ToBase64String(new byte[9 * 1024 * 1024]);

        var response = await factory.CreateClient().PostAsJsonAsync("/api/public/signatures/verify", new { document, signature = "NXSIG1.a.b" });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("请求内容过大", problem.RootElement.GetProperty("title").GetString());
        Assert.Contains("multipart", problem.RootElement.GetProperty("detail").GetString());
    }

    private sealed class BareProductionFactory : WorkbenchFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.UseSetting("DemoData:Enabled", "false");
        }
    }
}

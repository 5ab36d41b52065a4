using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Credit;
using NingxiaTrade.Domain.Data;
using NingxiaTrade.Domain.MarketEntities;
using NingxiaTrade.Tests.Support;
using NingxiaTrade.Workbench.Features.MarketEntities;

namespace NingxiaTrade.Tests.Features.MarketEntities;

/// <summary>The anonymous credit query and signature verification over HTTP, against the demo data.</summary>
public class PublicApiTests(WorkbenchFactory factory) : IClassFixture<WorkbenchFactory>
{
    private async Task<(Guid Id, string Code)> EntityAsync(string name)
    {
        await using var scope = new AppScope(factory, Roles.Admin);
        var db = scope.Get<TradeDbContext>();
        var entity = await db.MarketEntities.AsNoTracking().SingleAsync(e => e.Name == name);
        return (entity.Id, entity.Code.Value);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.Clone();
    }

    [Fact]
    public async Task Credit_MalformedCode_400WithFailedRule()
    {
        var response = await factory.CreateClient().GetAsync("/api/public/credit/91640100MA76ABCDEV");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("字符错误：第18位“V”", (await JsonAsync(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Credit_WellFormedUnknownCode_404()
    {
        var unknown = CreditCode.Generate('9', '1', "640100", new Random(99)).Value;

        var response = await factory.CreateClient().GetAsync($"/api/public/credit/{unknown}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Credit_BannedEntity_200WithRatingAndSanctionsCamelCase()
    {
        var (_, code) = await EntityAsync("石嘴山市恒通路桥工程有限公司");

        var response = await factory.CreateClient().GetAsync($"/api/public/credit/{code}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal(code, body.GetProperty("creditCode").GetString());
        Assert.Equal("石嘴山市恒通路桥工程有限公司", body.GetProperty("name").GetString());
        Assert.Equal("D", body.GetProperty("rating").GetString());
        var sanction = Assert.Single(body.GetProperty("sanctions").EnumerateArray());
        Assert.Equal("市场禁入", sanction.GetProperty("kind").GetString());
        Assert.Contains("串通投标", sanction.GetProperty("reason").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", sanction.GetProperty("from").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", sanction.GetProperty("to").GetString());
    }

    [Fact]
    public async Task Credit_CleanEntity_200RatedAWithoutSanctions()
    {
        var (_, code) = await EntityAsync("宁夏塞上园林绿化工程有限公司");

        var body = await JsonAsync(await factory.CreateClient().GetAsync($"/api/public/credit/{code.ToLowerInvariant()}"));

        Assert.Equal("A", body.GetProperty("rating").GetString());
        Assert.Empty(body.GetProperty("sanctions").EnumerateArray());
    }

    [Fact]
    public async Task Gate_DemoBannedEntity_RefusedForEngineeringOnly()
    {
        var (id, _) = await EntityAsync("石嘴山市恒通路桥工程有限公司");
        await using var scope = new AppScope(factory, null);
        var gate = scope.Get<CreditGate>();
        var today = ChinaTime.DateOf(DateTime.UtcNow);

        var refused = await gate.CheckAsync(id, TradeType.EngineeringBidding, today);

        Assert.False(refused.Allowed);
        Assert.Contains("禁入期至", refused.Reason);
        Assert.True((await gate.CheckAsync(id, TradeType.GovernmentProcurement, today)).Allowed);
    }

    private async Task<(byte[] Document, string Token)> SignedByDemoBidderAsync()
    {
        string userId;
        Guid entityId;
        await using (var admin = new AppScope(factory, Roles.Admin))
        {
            var bidder = await admin.Get<TradeDbContext>().Users.AsNoTracking().SingleAsync(u => u.Email == DemoAccount.ForRole(Roles.Bidder).Email);
            (userId, entityId) = (bidder.Id, bidder.MarketEntityId!.Value);
        }
        await using var scope = new AppScope(factory, Roles.Bidder, userId: userId);
        var document = Encoding.UTF8.GetBytes("投标函：我方愿以 9,876,543.21 元承包本工程。");
        var record = await scope.Get<SignatureService>().SignAsync(entityId, MarketEntityDemoData.DemoPin, document, "投标函.txt");
        return (document, record.Token);
    }

    [Fact]
    public async Task Verify_Multipart_ValidWithSigner()
    {
        var (document, token) = await SignedByDemoBidderAsync();
        using var form = new MultipartFormDataContent { { new ByteArrayContent(document), "document", "投标函.txt" }, { new StringContent(token), "signature" } };

        var response = await factory.CreateClient().PostAsync("/api/public/signatures/verify", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.True(body.GetProperty("valid").GetBoolean());
        Assert.Equal("宁夏银川建工集团有限公司", body.GetProperty("signer").GetString());
        Assert.Equal(18, body.GetProperty("creditCode").GetString()!.Length);
        Assert.EndsWith("Z", body.GetProperty("signedAt").GetString());
    }

    [Fact]
    public async Task Verify_JsonWithTamperedDocument_Invalid()
    {
        var (document, token) = await SignedByDemoBidderAsync();
        document[^1] ^= 1;

        var response = await factory.CreateClient().PostAsJsonAsync("/api/public/signatures/verify",
            new { document = Convert.ToBase64String(document), signature = token });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.False(body.GetProperty("valid").GetBoolean());
        Assert.Contains("文件与签名不符", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Verify_NoDocument_400()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/public/signatures/verify", new { signature = "NXSIG1.a.b" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task DemoData_FortyThreeEntitiesWithValidCodesAndSharedLinks()
    {
        await using var scope = new AppScope(factory, Roles.Admin);
        var db = scope.Get<TradeDbContext>();
        var entities = await db.MarketEntities.AsNoTracking().Include(e => e.Contacts).Include(e => e.BankAccounts).ToListAsync();

        Assert.Equal(43, entities.Count);
        Assert.All(entities, e => Assert.Null(CreditCode.Validate(e.Code.Value)));
        Assert.Equal(5, entities.Select(e => e.RegionCode).Distinct().Count());
        Assert.Contains(entities.GroupBy(e => e.LegalRepresentativeIdNumber), g => g.Count() > 1);
        Assert.Contains(entities.SelectMany(e => e.Contacts.Select(c => (c.Value, e.Id))).GroupBy(x => x.Value), g => g.Count() > 1);
        Assert.Contains(entities.SelectMany(e => e.BankAccounts.Select(a => (a.AccountNumber, e.Id))).GroupBy(x => x.AccountNumber), g => g.Count() > 1);
        Assert.Equal(2, await db.MarketBans.Select(b => b.MarketEntityId).Distinct().CountAsync());
        // bidder, bidder2–4, tenderer, agent
        Assert.Equal(6, await db.Users.CountAsync(u => u.MarketEntityId != null));
    }
}

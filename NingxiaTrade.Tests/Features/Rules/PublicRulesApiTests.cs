using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Data;
using NingxiaTrade.Domain.Rules;
using NingxiaTrade.Tests.Support;

namespace NingxiaTrade.Tests.Features.Rules;

/// <summary>GET /api/public/rules over the real app with its demo rules (drafts, returned, repealed and void among them).</summary>
public class PublicRulesApiTests(WorkbenchFactory factory) : IClassFixture<WorkbenchFactory>
{
    private static readonly string[] Properties =
        ["catalogueVersion", "documentNumber", "effectiveDate", "expiryDate", "issuer", "level", "title", "tradeTypes"];

    private async Task<List<JsonElement>> GetRulesAsync()
    {
        using var response = await factory.CreateCookieClient().GetAsync("/api/public/rules");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }

    [Fact]
    public async Task PublicRules_Anonymous_ExactlyTheCatalogueInForce_InTheContractedShape()
    {
        var rules = await GetRulesAsync();

        await using var scope = factory.Services.CreateAsyncScope();
        var catalogue = scope.ServiceProvider.GetRequiredService<RuleCatalogue>();
        var inForce = await catalogue.InForceAsync(catalogue.Today);
        Assert.NotNull(inForce);
        // The entries that are themselves in force today: the demo 保证金管理暂行办法 expired 45 days ago and is not current.
        Assert.Equal(inForce.Entries.Where(e => e.InForceOn(catalogue.Today)).OrderBy(e => e.Sequence).Select(e => e.Title),
            rules.Select(r => r.GetProperty("title").GetString()));
        Assert.Contains(inForce.Entries, e => e.IsTemporary && !e.InForceOn(catalogue.Today));
        Assert.DoesNotContain(rules, r => r.GetProperty("title").GetString()!.Contains("保证金管理暂行办法", StringComparison.Ordinal));
        foreach (var rule in rules)
        {
            Assert.Equal(Properties, rule.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
            Assert.Equal(inForce.Name, rule.GetProperty("catalogueVersion").GetString());
            Assert.All(rule.GetProperty("tradeTypes").EnumerateArray(), t => Assert.True(Enum.TryParse<NingxiaTrade.Domain.Common.TradeType>(t.GetString(), out _)));
            foreach (var date in new[] { "effectiveDate", "expiryDate" })
            {
                var value = rule.GetProperty(date);
                Assert.True(value.ValueKind == JsonValueKind.Null || DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", out _), $"{date}: {value}");
            }
        }
        var law = rules.Single(r => r.GetProperty("title").GetString() == "中华人民共和国招标投标法实施条例");
        Assert.Equal(("国务院令第613号", "2012-02-01", "行政法规"),
            (law.GetProperty("documentNumber").GetString(), law.GetProperty("effectiveDate").GetString(), law.GetProperty("level").GetString()));
    }

    [Fact]
    public async Task PublicRules_NeverShowsADraftReturnedUnderReviewRepealedOrVoidRule()
    {
        var titles = (await GetRulesAsync()).Select(r => r.GetProperty("title").GetString()).ToHashSet();

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TradeDbContext>();
        var notPassed = await db.Rules.Where(r => r.Status != RuleStatus.Passed).Select(r => new { r.Title, r.Status }).ToListAsync();
        Assert.Contains(notPassed, r => r.Status == RuleStatus.Draft);
        Assert.Contains(notPassed, r => r.Status == RuleStatus.Returned);
        Assert.Contains(notPassed, r => r.Status == RuleStatus.Repealed);
        Assert.Contains(notPassed, r => r.Status == RuleStatus.Void);
        Assert.All(notPassed, r => Assert.DoesNotContain(r.Title, titles));
    }

    [Fact]
    public async Task PublicRules_RepealedAfterPublication_DisappearsAtOnce()
    {
        // An app of its own: this test changes the catalogue's rules.
        await using var factory = new WorkbenchFactory();
        async Task<List<JsonElement>> GetRulesAsync()
        {
            using var response = await factory.CreateCookieClient().GetAsync("/api/public/rules");
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return json.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
        }
        var before = await GetRulesAsync();
        var title = before.First(r => r.GetProperty("level").GetString() == "规范性文件").GetProperty("title").GetString()!;
        Guid id;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            id = await scope.ServiceProvider.GetRequiredService<TradeDbContext>().Rules.Where(r => r.Title == title).Select(r => r.Id).SingleAsync();
        }
        // The demo supervisor's department may not own it: repeal it as the department that does.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TradeDbContext>();
            var rule = await db.Rules.Include(r => r.Reviews).ThenInclude(v => v.Legality).SingleAsync(r => r.Id == id);
            rule.Submit(RuleProposal.Repeal, RuleProblem.ConflictsWithSuperiorLaw, "与上位法抵触。", null, null, "测试", DateTime.UtcNow);
            await db.SaveChangesAsync();
        }
        await using (var legal = new AppScope(factory, Roles.LegalOfficer, "legal@test.cn"))
        {
            await legal.Get<RuleInventory>().DecideAsync(id, LegalityDecision.Pass, "同意废止。", null);
        }

        var after = await GetRulesAsync();

        Assert.Equal(before.Count - 1, after.Count);
        Assert.DoesNotContain(after, r => r.GetProperty("title").GetString() == title);
    }
}

using System.Net;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Workflows;
using NingxiaTrade.Tests.Support;
using NingxiaTrade.Workbench.Security;

namespace NingxiaTrade.Tests.Features.Workflows;

/// <summary>GET /api/public/workflows: the published contract of issue 3 item 6, read as a partner would read it.</summary>
public class PublicWorkflowsApiTests(WorkbenchFactory factory) : IClassFixture<WorkbenchFactory>
{
    private static readonly string[] TradeTypes =
        ["EngineeringBidding", "GovernmentProcurement", "StateAssetTransfer", "LandAndMiningRights", "DrugProcurement"];

    private async Task<List<JsonElement>> GetFlowsAsync()
    {
        using var response = await factory.CreateCookieClient().GetAsync("/api/public/workflows");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(JsonValueKind.Array, json.RootElement.ValueKind);
        return json.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }

    private static void AssertProperties(JsonElement element, params (string Name, JsonValueKind[] Kinds)[] expected)
    {
        Assert.Equal(JsonValueKind.Object, element.ValueKind);
        Assert.Equal(expected.Select(e => e.Name).Order(StringComparer.Ordinal), element.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        foreach (var (name, kinds) in expected)
        {
            var kind = element.GetProperty(name).ValueKind;
            Assert.True(kinds.Contains(kind), $"{name} 的类型为 {kind}，应为 {string.Join("/", kinds)}");
        }
    }

    private static JsonValueKind[] Is(params JsonValueKind[] kinds) => kinds;

    private static JsonElement Flow(List<JsonElement> flows, string type, string? method = null) =>
        flows.First(f => f.GetProperty("tradeType").GetString() == type && (method is null || f.GetProperty("tradeMethod").GetString() == method));

    [Fact]
    public async Task PublicWorkflows_Anonymous_OneFlowPerTypeAndMethodWithExactlyTheContractedShape()
    {
        var flows = await GetFlowsAsync();

        Assert.Equal(TradeTypes, flows.Select(f => f.GetProperty("tradeType").GetString()).Distinct());
        // Every method the registration form offers has its flow.
        var expected = TradeTypeNames.All.SelectMany(t => NingxiaTrade.Domain.Projects.TradeMethods.For(t).Select(m => $"{t}/{m}")).Order(StringComparer.Ordinal);
        Assert.Equal(expected, flows.Select(f => $"{f.GetProperty("tradeType").GetString()}/{f.GetProperty("tradeMethod").GetString()}").Order(StringComparer.Ordinal));
        foreach (var flow in flows)
        {
            AssertProperties(flow,
                ("tradeType", Is(JsonValueKind.String)), ("version", Is(JsonValueKind.Number)), ("name", Is(JsonValueKind.String)),
                ("steps", Is(JsonValueKind.Array)), ("transitions", Is(JsonValueKind.Array)),
                ("tradeMethod", Is(JsonValueKind.String)), ("bidDeadline", Is(JsonValueKind.Object, JsonValueKind.Null)),
                ("lotsFromStep", Is(JsonValueKind.String, JsonValueKind.Null)),
                ("duties", Is(JsonValueKind.Array)));
            Assert.All(flow.GetProperty("duties").EnumerateArray(), d => AssertProperties(d,
                ("name", Is(JsonValueKind.String)), ("afterEvent", Is(JsonValueKind.String)), ("afterEventName", Is(JsonValueKind.String)),
                ("doneEvent", Is(JsonValueKind.String)), ("doneEventName", Is(JsonValueKind.String)), ("days", Is(JsonValueKind.Number)),
                ("workingDays", Is(JsonValueKind.True, JsonValueKind.False)), ("legalBasis", Is(JsonValueKind.String))));
            if (flow.GetProperty("lotsFromStep") is { ValueKind: JsonValueKind.String } split)
            {
                Assert.Contains(flow.GetProperty("steps").EnumerateArray(), s => s.GetProperty("key").GetString() == split.GetString());
            }
            if (flow.GetProperty("bidDeadline") is { ValueKind: JsonValueKind.Object } deadline)
            {
                AssertProperties(deadline,
                    ("fromStep", Is(JsonValueKind.String)), ("days", Is(JsonValueKind.Number)), ("workingDays", Is(JsonValueKind.True, JsonValueKind.False)),
                    ("kind", Is(JsonValueKind.String)), ("legalBasis", Is(JsonValueKind.String, JsonValueKind.Null)));
                Assert.Equal("LeadTime", deadline.GetProperty("kind").GetString());
            }
            Assert.True(flow.GetProperty("version").GetInt32() >= 1);
            Assert.NotEmpty(flow.GetProperty("steps").EnumerateArray());
            foreach (var step in flow.GetProperty("steps").EnumerateArray())
            {
                AssertProperties(step,
                    ("key", Is(JsonValueKind.String)), ("name", Is(JsonValueKind.String)),
                    ("minimumDays", Is(JsonValueKind.Number, JsonValueKind.Null)),
                    ("workingDays", Is(JsonValueKind.True, JsonValueKind.False)),
                    ("legalBasis", Is(JsonValueKind.String, JsonValueKind.Null)),
                    ("periodKind", Is(JsonValueKind.String, JsonValueKind.Null)));
                Assert.Equal(step.GetProperty("minimumDays").ValueKind == JsonValueKind.Number && step.GetProperty("minimumDays").GetInt32() > 0,
                    step.GetProperty("periodKind").ValueKind == JsonValueKind.String);
            }
            foreach (var transition in flow.GetProperty("transitions").EnumerateArray())
            {
                AssertProperties(transition,
                    ("trigger", Is(JsonValueKind.String)), ("from", Is(JsonValueKind.String)), ("to", Is(JsonValueKind.String)),
                    ("roles", Is(JsonValueKind.Array)), ("requiresApproval", Is(JsonValueKind.True, JsonValueKind.False)),
                    ("conditions", Is(JsonValueKind.Array)));
                Assert.All(transition.GetProperty("roles").EnumerateArray(), r => Assert.Contains(r.GetString(), Roles.All));
                Assert.All(transition.GetProperty("conditions").EnumerateArray(), c =>
                    AssertProperties(c, ("text", Is(JsonValueKind.String)), ("legalBasis", Is(JsonValueKind.String, JsonValueKind.Null))));
            }
        }
    }

    [Fact]
    public async Task PublicWorkflows_EngineeringBidding_CarriesStatutoryMinimumAndApproval()
    {
        var engineering = Flow(await GetFlowsAsync(), "EngineeringBidding", "OpenTender");

        var notice = engineering.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("key").GetString() == "Notice");
        Assert.False(notice.GetProperty("workingDays").GetBoolean());
        Assert.Contains("第十六条", notice.GetProperty("legalBasis").GetString());
        var publish = engineering.GetProperty("transitions").EnumerateArray().Single(t => t.GetProperty("trigger").GetString() == "PublishNotice");
        Assert.True(publish.GetProperty("requiresApproval").GetBoolean());
        Assert.Equal("PlanApproval", publish.GetProperty("from").GetString());
    }

    [Fact]
    public async Task PublicWorkflows_Engineering_CarriesTheTwentyDayLeadTimeAndConditionsInChinese()
    {
        var flows = await GetFlowsAsync();
        var engineering = Flow(flows, "EngineeringBidding", "OpenTender");

        var deadline = engineering.GetProperty("bidDeadline");
        Assert.Equal(("Notice", 20, false, "LeadTime"), (deadline.GetProperty("fromStep").GetString(), deadline.GetProperty("days").GetInt32(),
            deadline.GetProperty("workingDays").GetBoolean(), deadline.GetProperty("kind").GetString()));
        Assert.Equal("《招标投标法》第二十四条", deadline.GetProperty("legalBasis").GetString());
        var publicity = engineering.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("key").GetString() == "CandidatePublicity");
        Assert.Equal("Duration", publicity.GetProperty("periodKind").GetString());
        var open = engineering.GetProperty("transitions").EnumerateArray().Single(t => t.GetProperty("trigger").GetString() == "OpenBids");
        var conditions = open.GetProperty("conditions").EnumerateArray().ToList();
        Assert.Contains(conditions, c => c.GetProperty("text").GetString()!.Contains("投标人不少于3个") && c.GetProperty("legalBasis").GetString()!.Contains("第四十四条"));
        var negotiation = Flow(flows, "GovernmentProcurement", "CompetitiveNegotiation").GetProperty("bidDeadline");
        Assert.Equal((3, true), (negotiation.GetProperty("days").GetInt32(), negotiation.GetProperty("workingDays").GetBoolean()));
        Assert.Contains("第二十九条", negotiation.GetProperty("legalBasis").GetString());
    }

    [Fact]
    public async Task PublicWorkflows_EngineeringAndProcurement_CarryTheirDutiesWithBasis()
    {
        var flows = await GetFlowsAsync();

        var contract = Flow(flows, "EngineeringBidding", "OpenTender").GetProperty("duties").EnumerateArray()
            .Single(d => d.GetProperty("doneEvent").GetString() == "ContractSigned");
        Assert.Equal(("签订书面合同", "AwardNoticeIssued", "发出中标（成交）通知书", 30, false, "《招标投标法》第四十六条"),
            (contract.GetProperty("name").GetString(), contract.GetProperty("afterEvent").GetString(), contract.GetProperty("afterEventName").GetString(),
             contract.GetProperty("days").GetInt32(), contract.GetProperty("workingDays").GetBoolean(), contract.GetProperty("legalBasis").GetString()));
        var filing = Flow(flows, "GovernmentProcurement", "OpenTender").GetProperty("duties").EnumerateArray()
            .Single(d => d.GetProperty("doneEvent").GetString() == "ContractFiled");
        Assert.Equal((7, true, "《政府采购法》第四十七条"),
            (filing.GetProperty("days").GetInt32(), filing.GetProperty("workingDays").GetBoolean(), filing.GetProperty("legalBasis").GetString()));
        Assert.Empty(Flow(flows, "LandAndMiningRights", "Listing").GetProperty("duties").EnumerateArray());
    }

    [Fact]
    public async Task PublicWorkflows_AdminPublishesChangedMinimum_ApiShowsNewVersion()
    {
        var before = Flow(await GetFlowsAsync(), "GovernmentProcurement", "OpenTender");
        await using (var admin = new AppScope(factory, Roles.Admin, "admin@demo.nxggzy.cn"))
        {
            var definitions = admin.Get<WorkflowDefinitionService>();
            var id = await definitions.CreateDraftAsync("government-procurement");
            var draft = await definitions.GetAsync(id);
            var body = draft.Body;
            body.Step("Notice")!.MinimumDays = 7;
            body.Step("Notice")!.LegalBasis = "本省规定公开招标公告期限为7个工作日";
            Assert.Empty(await definitions.SaveDraftAsync(id, draft.Name, body));
            await definitions.PublishAsync(id);
        }

        var after = Flow(await GetFlowsAsync(), "GovernmentProcurement", "OpenTender");

        Assert.Equal(before.GetProperty("version").GetInt32() + 1, after.GetProperty("version").GetInt32());
        var notice = after.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("key").GetString() == "Notice");
        Assert.Equal(7, notice.GetProperty("minimumDays").GetInt32());
        Assert.True(notice.GetProperty("workingDays").GetBoolean());
    }

    [Fact]
    public async Task PublicWorkflows_Draft_NotShownUntilPublished()
    {
        int versionBefore;
        await using (var admin = new AppScope(factory, Roles.Admin))
        {
            versionBefore = (await GetFlowsAsync()).Single(f => f.GetProperty("tradeType").GetString() == "DrugProcurement").GetProperty("version").GetInt32();
            await admin.Get<WorkflowDefinitionService>().CreateDraftAsync("drug-procurement");
        }

        var drug = (await GetFlowsAsync()).Single(f => f.GetProperty("tradeType").GetString() == "DrugProcurement");

        Assert.Equal(versionBefore, drug.GetProperty("version").GetInt32());
    }

    [Theory]
    [InlineData(Roles.Admin, null, true)]
    [InlineData(Roles.CentreClerk, WorkflowDefinitionService.DesignerPermission, true)]
    [InlineData(Roles.CentreClerk, null, false)]
    [InlineData(Roles.Supervisor, WorkflowDefinitionService.DesignerPermission, false)]
    public async Task DesignerPolicy_RoleAndPermission_SameRuleAsTheService(string role, string? permission, bool allowed)
    {
        List<Claim> claims = [new(ClaimTypes.Name, "someone"), new(ClaimTypes.Role, role)];
        if (permission is not null)
        {
            claims.Add(new Claim(ICurrentUser.PermissionClaim, permission));
        }
        var user = new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));

        var result = await factory.Services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(user, Policies.WorkflowDesigner);

        Assert.Equal(allowed, result.Succeeded);
    }
}

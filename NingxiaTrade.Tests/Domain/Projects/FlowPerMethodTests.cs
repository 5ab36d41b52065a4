using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Projects;
using NingxiaTrade.Domain.Workflows;
using NingxiaTrade.Tests.Support;
using static NingxiaTrade.Tests.Support.ProjectHarness;

namespace NingxiaTrade.Tests.Domain.Projects;

/// <summary>Issue 10 item 3: a project runs the published flow of its own transaction type and trade method.</summary>
public class FlowPerMethodTests
{
    public static TheoryData<TradeType, TradeMethod> EveryMethod
    {
        get
        {
            var data = new TheoryData<TradeType, TradeMethod>();
            foreach (var type in TradeTypeNames.All)
            {
                foreach (var method in TradeMethods.For(type))
                {
                    data.Add(type, method);
                }
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(EveryMethod))]
    public async Task Register_EachMethod_RunsThatMethodsFlow(TradeType type, TradeMethod method)
    {
        await using var h = await CreateAsync();

        var id = await h.RegisterAsync(type, form: h.Form(type) with { TradeMethod = method });

        await using var db = h.Database.CreateDbContext();
        var project = await db.TradeProjects.SingleAsync(p => p.Id == id);
        var definition = await db.WorkflowDefinitions.SingleAsync(d => d.Id == project.WorkflowDefinitionId);
        Assert.Equal((type, method), (definition.TradeType, definition.TradeMethod));
        Assert.Equal(DefaultWorkflows.For(type, method).InitialStep, project.CurrentStep);
    }

    [Fact]
    public async Task Register_MethodWithoutPublishedFlow_RefusedNamingTheMethod()
    {
        await using var h = await CreateAsync();
        await using (var db = h.Database.CreateDbContext())
        {
            await db.WorkflowDefinitions.Where(d => d.TradeMethod == TradeMethod.RequestForQuotation).ExecuteDeleteAsync();
        }

        var ex = await Assert.ThrowsAsync<DomainException>(() =>
            h.RegisterAsync(TradeType.GovernmentProcurement, form: h.Form(TradeType.GovernmentProcurement) with { TradeMethod = TradeMethod.RequestForQuotation }));

        Assert.Equal("政府采购的“询价”方式尚无已发布的流程，不能登记。请联系系统管理员发布该交易方式的流程。", ex.Message);
        await using var check = h.Database.CreateDbContext();
        Assert.Equal(0, await check.TradeProjects.CountAsync());
    }

    [Fact]
    public async Task Negotiation_ResponseDeadline_ThreeWorkingDaysAcrossNationalDay()
    {
        await using var h = await CreateAsync(start: new DateTimeOffset(2026, 9, 30, 2, 0, 0, TimeSpan.Zero)); // 2026-09-30 10:00 China
        var id = await h.RegisterAsync(TradeType.GovernmentProcurement,
            form: h.Form(TradeType.GovernmentProcurement) with { TradeMethod = TradeMethod.CompetitiveNegotiation });
        await h.FireAsync(id, "SubmitPlan");
        await h.FireApprovedAsync(id, "Invite");

        // 74号令第二十九条: three working days from the documents' issue — 10-08, 10-09 and the 调休 Saturday 10-10.
        var early = await Assert.ThrowsAsync<DomainException>(() => h.SetDeadlineAsync(id, new DateTime(2026, 10, 9, 17, 0, 0)));
        Assert.Contains("不得早于 2026-10-10 00:00:00", early.Message);
        Assert.Contains("第二十九条", early.Message);
        await h.SetDeadlineAsync(id, new DateTime(2026, 10, 10, 9, 0, 0));

        await h.FireAsync(id, "StartResponses");
        h.Facts.Set(id, "bids.count", 3);
        h.SetChinaTime(new DateTime(2026, 10, 10, 9, 0, 0));
        await h.FireAsync(id, "OpenResponses");
        Assert.Equal("Negotiation", (await h.ProjectAsync(id)).CurrentStep);
    }
}

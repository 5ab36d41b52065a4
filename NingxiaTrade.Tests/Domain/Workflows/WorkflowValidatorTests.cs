using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Workflows;

namespace NingxiaTrade.Tests.Domain.Workflows;

/// <summary>The designer's structural checks: each fault caught with its Chinese message; the defaults are clean.</summary>
public class WorkflowValidatorTests
{
    private static readonly DateTime Jan1 = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>登记 → 审核 → 完成, plus 终止 from 登记.</summary>
    private static WorkflowBody Valid() => new()
    {
        InitialStep = "A",
        Steps =
        [
            new() { Key = "A", Name = "登记" },
            new() { Key = "B", Name = "审核", MinimumDays = 3, LegalBasis = "测试依据" },
            new() { Key = "C", Name = "完成", IsFinal = true },
            new() { Key = "X", Name = "终止", IsFinal = true },
        ],
        Transitions =
        [
            new() { Trigger = "Submit", Name = "提交", From = "A", To = "B", Roles = [Roles.CentreClerk] },
            new() { Trigger = "Finish", Name = "办结", From = "B", To = "C", Roles = [Roles.CentreClerk] },
            new() { Trigger = "Terminate", Name = "终止项目", From = "A", To = "X", Roles = [Roles.Tenderer] },
        ],
    };

    private static WorkflowTransition T(WorkflowBody body, string trigger) => body.Transitions.First(t => t.Trigger == trigger);

    public static TheoryData<string> Faults => new(FaultCases.Keys);

    private static readonly Dictionary<string, (Action<WorkflowBody> Break, string Message)> FaultCases = new()
    {
        ["unknown target"] = (b => T(b, "Finish").To = "Nowhere", "流转“办结”指向不存在的环节“Nowhere”"),
        ["unknown source"] = (b => T(b, "Finish").From = "Nowhere", "流转“办结”的起点环节“Nowhere”不存在"),
        ["unreachable step"] = (b =>
        {
            b.Steps.Add(new() { Key = "D", Name = "孤立环节" });
            b.Transitions.Add(new() { Trigger = "Go", Name = "前往", From = "D", To = "C", Roles = [Roles.CentreClerk] });
        }, "环节“孤立环节”从起始环节无法到达"),
        ["no exit"] = (b =>
        {
            b.Steps.Add(new() { Key = "D", Name = "死胡同" });
            b.Transitions.Add(new() { Trigger = "Detour", Name = "绕行", From = "A", To = "D", Roles = [Roles.CentreClerk] });
        }, "环节“死胡同”不是终结环节，却没有出口"),
        ["duplicate trigger"] = (b => T(b, "Terminate").Trigger = "Submit", "环节“登记”有多个同名触发“Submit”"),
        ["final with exit"] = (b => b.Transitions.Add(new() { Trigger = "Reopen", Name = "重新打开", From = "C", To = "B", Roles = [Roles.CentreClerk] }),
            "终结环节“完成”不能再有流转“重新打开”"),
        ["unknown guard"] = (b => T(b, "Finish").Guards.Add(new() { Name = "RunScript" }), "流转“办结”的条件：条件“RunScript”不在系统条件库中"),
        ["guard missing parameter"] = (b => T(b, "Finish").Guards.Add(new() { Name = "MinDaysSinceStep", Parameters = new() { ["days"] = "5" } }),
            "流转“办结”的条件：条件“自某环节起满最短期限”缺少参数“起算环节”"),
        ["guard bad days"] = (b => T(b, "Finish").Guards.Add(new() { Name = "MinDaysSinceStep", Parameters = new() { ["step"] = "A", ["days"] = "二十" } }),
            "流转“办结”的条件：天数应为0至365的整数"),
        ["guard unknown step"] = (b => T(b, "Finish").Guards.Add(new() { Name = "MinDaysSinceStep", Parameters = new() { ["step"] = "Nowhere", ["days"] = "5" } }),
            "流转“办结”的条件：起算环节“Nowhere”不存在"),
        ["guard max below min"] = (b => T(b, "Finish").Guards.Add(new()
        {
            Name = "FactAtLeast",
            Parameters = new() { ["fact"] = "bids.count", ["min"] = "3", ["max"] = "2", ["label"] = "投标人" },
        }), "流转“办结”的条件：最多数量应为不小于最少数量的整数"),
        ["no reachable final"] = (b =>
        {
            T(b, "Finish").To = "A";
            T(b, "Terminate").To = "B";
        }, "流程没有可到达的终结环节"),
        ["no roles no timer"] = (b => T(b, "Finish").Roles = [], "流转“办结”既没有可操作的角色，也没有定时器"),
        ["unknown role"] = (b => T(b, "Finish").Roles = ["Boss"], "流转“办结”的角色“Boss”不存在"),
        ["self loop"] = (b => T(b, "Finish").To = "B", "流转“办结”的起点和终点是同一环节"),
        ["missing initial"] = (b => b.InitialStep = "Nowhere", "未指定起始环节，或起始环节不存在"),
        ["duplicate step"] = (b => b.Steps.Add(new() { Key = "B", Name = "审核二" }), "环节标识“B”重复"),
        ["minimum out of range"] = (b => b.Steps[1].MinimumDays = 400, "环节“审核”的最短期限应在0至365日之间"),
        ["deadline from unknown step"] = (b => b.BidDeadline = new DeadlineRule { FromStep = "Nowhere", Days = 20 }, "投标截止时间的起算环节“Nowhere”不存在"),
    };

    [Fact]
    public void Validate_WellFormedFlow_NoFaults()
    {
        Assert.Empty(WorkflowValidator.Validate(Valid()));
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public void Validate_StructuralFault_ReportedInChinese(string fault)
    {
        var body = Valid();
        var (breakIt, message) = FaultCases[fault];
        breakIt(body);

        Assert.Contains(message, WorkflowValidator.Validate(body));
    }

    [Fact]
    public void Validate_TimerWithoutRoles_Accepted()
    {
        var body = Valid();
        T(body, "Finish").Roles = [];
        T(body, "Finish").Timer = new WorkflowTimer { Days = 3 };

        Assert.Empty(WorkflowValidator.Validate(body));
    }

    [Fact]
    public void Validate_EmptyFlow_SaysSo()
    {
        Assert.Equal(["流程没有任何环节"], WorkflowValidator.Validate(new WorkflowBody()));
    }

    public static TheoryData<string> Defaults => new(DefaultWorkflows.All.Select(d => d.DefinitionId));

    [Theory]
    [MemberData(nameof(Defaults))]
    public void Validate_DefaultFlow_Clean(string definitionId)
    {
        var body = DefaultWorkflows.All.Single(d => d.DefinitionId == definitionId).Body;

        Assert.Empty(WorkflowValidator.Validate(body));
        Assert.All(body.Steps.Where(s => s.MinimumDays is > 0), s => Assert.False(string.IsNullOrWhiteSpace(s.LegalBasis)));
    }

    [Fact]
    public void Publish_FaultyDraft_RefusedWithEveryFault()
    {
        var body = Valid();
        T(body, "Finish").To = "Nowhere";
        T(body, "Submit").Roles = [];
        var definition = new WorkflowDefinition("test", NingxiaTrade.Domain.Common.TradeType.EngineeringBidding, NingxiaTrade.Domain.Projects.TradeMethod.OpenTender, 1, "测试流程", body, "admin", Jan1);

        var ex = Assert.Throws<NingxiaTrade.Domain.Common.DomainException>(() => definition.Publish("admin", Jan1));

        Assert.StartsWith("流程存在以下问题，不能发布：", ex.Message);
        Assert.Contains("指向不存在的环节“Nowhere”", ex.Message);
        Assert.Contains("流转“提交”既没有可操作的角色", ex.Message);
        Assert.False(definition.IsPublished);
    }
}

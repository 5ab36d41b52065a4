using AngleSharp.Dom;
using Bunit;
using MudBlazor;
using MudBlazor.Services;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Workflows;
using NingxiaTrade.Workbench.Features.Workflows.Components;

namespace NingxiaTrade.Tests.Features.Workflows;

/// <summary>The designer's editors: every edit is validated at once and the diagram is redrawn.</summary>
public sealed class WorkflowEditorTests : BunitContext
{
    private readonly BunitJSModuleInterop _mermaid;
    private IReadOnlyList<string>? _reported;

    public WorkflowEditorTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        _mermaid = JSInterop.SetupModule("./Components/Shared/MermaidDiagram.razor.js");
        _mermaid.SetupVoid("render", _ => true);
        Services.AddMudServices();
        Render<MudPopoverProvider>();
    }

    /// <summary>登记 → 审核 → 办结 (final), one transition each.</summary>
    private static WorkflowBody ThreeSteps() => new()
    {
        InitialStep = "A",
        Steps =
        [
            new() { Key = "A", Name = "登记" },
            new() { Key = "B", Name = "审核" },
            new() { Key = "C", Name = "办结", IsFinal = true },
        ],
        Transitions =
        [
            new() { Trigger = "Submit", Name = "提交", From = "A", To = "B", Roles = [Roles.CentreClerk] },
            new() { Trigger = "Close", Name = "办结", From = "B", To = "C", Roles = [Roles.CentreClerk] },
        ],
    };

    private IRenderedComponent<WorkflowBodyEditor> RenderEditor(WorkflowBody body) =>
        Render<WorkflowBodyEditor>(p => p
            .Add(c => c.Body, body)
            .Add(c => c.Changed, faults => _reported = faults));

    private static IReadOnlyList<string> Faults(IRenderedComponent<WorkflowBodyEditor> editor) =>
        editor.FindAll(".workflow-fault").Select(li => li.TextContent.Trim()).ToList();

    private static void OpenTab(IRenderedComponent<WorkflowBodyEditor> editor, string title) =>
        editor.FindAll(".mud-tab").First(t => t.TextContent.StartsWith(title, StringComparison.Ordinal)).Click();

    private string LastDiagram() => _mermaid.Invocations["render"].Last().Arguments[1]!.ToString()!;

    [Fact]
    public void Editor_ValidBody_ShowsNoFaultsAndDrawsDiagram()
    {
        var editor = RenderEditor(ThreeSteps());

        Assert.Empty(Faults(editor));
        Assert.Equal("0", editor.Find(".workflow-faults").GetAttribute("data-faults"));
        Assert.Contains("s_A --> s_B : 提交", LastDiagram());
    }

    [Fact]
    public void DutiesEditor_AddDutyWithoutBasis_FaultShownUntilBasisEnteredAndRemoveWorks()
    {
        var body = ThreeSteps();
        var editor = RenderEditor(body);
        OpenTab(editor, "法定时限事项");

        editor.Find("button.duties-add").Click();

        var duty = Assert.Single(body.Duties);
        Assert.Equal((DutyEvents.AwardNoticeIssued, DutyEvents.ContractSigned, 30), (duty.AfterEvent, duty.DoneEvent, duty.Days));
        Assert.Contains($"法定时限事项“{duty.Name}”缺少法律依据", Faults(editor));
        Assert.Contains("发出中标（成交）通知书", editor.Find(".duty-after input").GetAttribute("value"));

        editor.Find(".duty-basis input").Change("《招标投标法》第四十六条");
        editor.Find(".duty-days input").Change("45");
        Assert.Equal(("《招标投标法》第四十六条", 45), (duty.LegalBasis, duty.Days));
        Assert.Empty(Faults(editor));
        Assert.Equal(WorkflowValidator.Validate(body), _reported);

        editor.Find("button.duty-remove").Click();
        Assert.Empty(body.Duties);
        Assert.Empty(Faults(editor));
    }

    [Fact]
    public void AddTransition_NoTargetStepYet_ShowsValidatorFault()
    {
        var body = ThreeSteps();
        var editor = RenderEditor(body);
        OpenTab(editor, "流转");

        editor.Find("button.transitions-add").Click();

        var added = body.Transitions[^1];
        Assert.Equal("", added.To);
        Assert.Contains($"流转“{added.Name}”指向不存在的环节“”", Faults(editor));
        Assert.Equal(WorkflowValidator.Validate(body), _reported);
    }

    [Fact]
    public void RemoveTransition_OnlyExitOfStep_ShowsNoExitFault()
    {
        var editor = RenderEditor(ThreeSteps());
        OpenTab(editor, "流转");

        editor.Find(".transition-row[data-trigger=Close] button.transition-remove").Click();

        // The editor re-validates after the click's render; wait for it rather than race it on a loaded machine.
        editor.WaitForAssertion(() =>
        {
            Assert.Contains("环节“审核”不是终结环节，却没有出口", Faults(editor));
            Assert.Contains("环节“办结”从起始环节无法到达", Faults(editor));
        });
        Assert.DoesNotContain("s_B --> s_C", LastDiagram());
    }

    [Fact]
    public void AddStep_NothingLeadsThere_ShowsUnreachableFaultAndRedrawsDiagram()
    {
        var editor = RenderEditor(ThreeSteps());

        editor.Find("button.steps-add").Click();

        Assert.Contains("环节“新环节4”从起始环节无法到达", Faults(editor));
        Assert.Contains("环节“新环节4”不是终结环节，却没有出口", Faults(editor));
        Assert.Contains("s_Step4 : 新环节4", LastDiagram());
    }

    [Fact]
    public void RemoveStep_WithTransitions_RemovesThemTooAndReportsWhatIsLeft()
    {
        var body = ThreeSteps();
        var editor = RenderEditor(body);

        editor.Find(".step-row[data-step=B] button.step-remove").Click();

        Assert.Equal(["A", "C"], body.Steps.Select(s => s.Key));
        Assert.Empty(body.Transitions);
        Assert.Contains("环节“登记”不是终结环节，却没有出口", Faults(editor));
    }

    [Fact]
    public void Editor_ReadOnly_HidesFaultsAndEditingButtons()
    {
        var editor = Render<WorkflowBodyEditor>(p => p.Add(c => c.Body, ThreeSteps()).Add(c => c.ReadOnly, true));

        Assert.Empty(editor.FindAll(".workflow-faults"));
        Assert.Empty(editor.FindAll("button.steps-add"));
        Assert.Empty(editor.FindAll("button.step-remove"));
        Assert.All(editor.FindAll(".step-name input"), i => Assert.True(i.HasAttribute("disabled")));
    }
}

using Microsoft.AspNetCore.Components;
using MudBlazor;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Experts;

namespace NingxiaTrade.Workbench.Features.Experts.Draws;

public partial class DrawPage
{
    [Inject] private ExpertDrawService Draws { get; set; } = null!;
    [Inject] private ExpertSessionService Sessions { get; set; } = null!;
    [Inject] private TimeProvider Time { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private ICurrentUser CurrentUser { get; set; } = null!;

    [Parameter] public Guid Id { get; set; }

    private sealed class AssessmentForm
    {
        public int Punctuality { get; set; } = 5;
        public int Competence { get; set; } = 5;
        public int Fairness { get; set; } = 5;
        public int Discipline { get; set; } = 5;
        public string? Comment { get; set; }
    }

    private readonly Dictionary<Guid, AssessmentForm> _forms = [];
    private DrawDetails? _draw;
    private bool _sessionStarted;
    private bool _canPublish;
    private string? _error;

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            _draw = await Draws.GetAsync(Id);
            var now = Time.GetUtcNow().UtcDateTime;
            _sessionStarted = now >= _draw.EvaluationStartUtc;
            // The service checks again (ExpertDrawService.PublishResultAsync); this only hides the button.
            _canPublish = _draw.ResultPublishedUtc is null && _draw.CreatedByUserId == CurrentUser.UserId && now >= _draw.EvaluationEndUtc
                && _draw.Members.Any(m => m.State == DrawMemberState.Accepted);
        }
        catch (DomainException e)
        {
            _error = e.Message;
        }
    }

    private async Task PublishResultAsync()
    {
        try
        {
            await Draws.PublishResultAsync(Id);
            Snackbar.Add("已登记评审结果公告，专家名单不再保密。", Severity.Success);
            await OnParametersSetAsync();
        }
        catch (DomainException e)
        {
            Snackbar.Add(e.Message, Severity.Warning);
        }
    }

    private AssessmentForm Form(Guid expertId) => _forms.TryGetValue(expertId, out var f) ? f : _forms[expertId] = new AssessmentForm();

    private async Task AssessAsync(Guid expertId)
    {
        var f = Form(expertId);
        try
        {
            await Sessions.AssessAsync(Id, expertId, new AssessmentScores(f.Punctuality, f.Competence, f.Fairness, f.Discipline), f.Comment);
            Snackbar.Add("考评已提交，已计入专家信用。", Severity.Success);
        }
        catch (DomainException e)
        {
            Snackbar.Add(e.Message, Severity.Warning);
        }
    }
}

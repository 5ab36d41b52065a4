using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Projects;
using NingxiaTrade.Domain.Rules;

namespace NingxiaTrade.Workbench.Features.Rules.Templates;

public partial class TemplatesPage
{
    [Inject] private DocumentTemplates Templates { get; set; } = default!;
    [Inject] private IProjectDirectory Projects { get; set; } = default!;
    [Inject] private ICurrentUser CurrentUser { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private IReadOnlyList<TemplateSummary> _templates = [];
    private IReadOnlyList<ProjectSummary> _projects = [];
    private TradeType _type = TradeType.EngineeringBidding;
    private string? _name;
    private TemplateSummary? _chosen;
    private Guid? _projectId;
    private FillPreview? _preview;
    private string? _error;

    private bool IsLegalOfficer => CurrentUser.IsInRole(Roles.LegalOfficer);
    private bool IsClerk => CurrentUser.IsInRole(Roles.CentreClerk);

    protected override async Task OnInitializedAsync()
    {
        _templates = await Templates.ListAsync();
        if (IsClerk)
        {
            _projects = await Projects.ProjectsAsync(PagingExtensions.MaxPageSize);
        }
    }

    private async Task UploadAsync(IBrowserFile? file)
    {
        if (file is null)
        {
            return;
        }
        _error = null;
        try
        {
            await using var stream = file.OpenReadStream(DocumentTemplates.MaxBytes + 1);
            var uploaded = await Templates.UploadAsync(_type, _name ?? "", file.Name, file.Size, stream);
            Snackbar.Add($"已上传“{uploaded.Name}”第 {uploaded.Version} 版，识别占位符 {uploaded.Placeholders.Count} 个。", Severity.Success);
            _templates = await Templates.ListAsync();
        }
        catch (DomainException ex)
        {
            _error = ex.Message;
        }
    }

    private void Choose(TemplateSummary template)
    {
        _chosen = template;
        _projectId = null;
        _preview = null;
    }

    private async Task PreviewAsync(Guid? projectId)
    {
        _projectId = projectId;
        _preview = null;
        if (_chosen is null || projectId is not { } id)
        {
            return;
        }
        try
        {
            _preview = await Templates.PreviewAsync(_chosen.Id, id);
        }
        catch (DomainException ex)
        {
            _error = ex.Message;
        }
    }
}

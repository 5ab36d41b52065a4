using Microsoft.AspNetCore.Components;
using MudBlazor;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Workflows;

namespace NingxiaTrade.Workbench.Features.Workflows.Pages;

/// <summary>Every version of every transaction type's flow, with new draft, edit/view and compare.</summary>
public sealed partial class WorkflowListPage
{
    private readonly Dictionary<string, ComparePick> _picks = [];
    private IReadOnlyList<IGrouping<string, WorkflowDefinition>> _groups = [];
    private string? _error;

    [Inject] private WorkflowDefinitionService Definitions { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        try
        {
            var all = await Definitions.ListAsync();
            _groups = all.GroupBy(d => d.DefinitionId).OrderBy(g => g.First().TradeType).ThenBy(g => g.First().TradeMethod).ToList();
            foreach (var group in _groups)
            {
                // Default comparison: the latest version against the one before it.
                var versions = group.ToList();
                _picks[group.Key] = new ComparePick { A = versions[Math.Min(1, versions.Count - 1)].Id, B = versions[0].Id };
            }
        }
        catch (DomainException e)
        {
            _error = e.Message;
        }
    }

    private ComparePick Pick(string definitionId) => _picks[definitionId];

    private string CompareHref(string type) => $"/admin/workflows/compare?a={_picks[type].A}&b={_picks[type].B}";

    private static string VersionLabel(List<WorkflowDefinition> versions, Guid id) =>
        versions.FirstOrDefault(v => v.Id == id) is { } v ? $"第 {v.Version} 版" : "";

    /// <summary>The version new projects start on: the newest published one.</summary>
    private static Guid? CurrentId(List<WorkflowDefinition> versions) => versions.Where(v => v.IsPublished).MaxBy(v => v.Version)?.Id;

    private async Task CreateDraftAsync(WorkflowDefinition latest)
    {
        try
        {
            var id = await Definitions.CreateDraftAsync(latest.DefinitionId);
            Navigation.NavigateTo($"/admin/workflows/{id}");
        }
        catch (DomainException e)
        {
            Snackbar.Add(e.Message, Severity.Warning);
        }
    }

    private sealed class ComparePick
    {
        public Guid A { get; set; }
        public Guid B { get; set; }
    }
}

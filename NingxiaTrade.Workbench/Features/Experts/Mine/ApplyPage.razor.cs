using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Experts;
using NingxiaTrade.Workbench.Components.Shared.Forms;

namespace NingxiaTrade.Workbench.Features.Experts.Mine;

/// <summary>An expert's own application to the pool: every wrong field is marked at once (<see cref="Expert.Check"/>).</summary>
public partial class ApplyPage
{
    [Inject] private ExpertPool Pool { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    private readonly ExpertApplicationModel _model = new();
    private EditContext _context = null!;
    private WholeFormValidator? _validator;
    private Expert? _mine;
    private IReadOnlyList<Specialty> _specialties = [];
    private bool _saving;

    private IReadOnlyList<string> SpecialtyErrors => _context.GetValidationMessages(() => _model.SpecialtyCodes).ToList();

    protected override async Task OnInitializedAsync()
    {
        _context = new EditContext(_model);
        _mine = await Pool.MineAsync();
        _specialties = await Pool.SpecialtiesAsync();
    }

    /// <summary>Runs an edit of the expert's own record (employment history) and reloads it.</summary>
    private async Task RunAsync(Func<Task> action)
    {
        try
        {
            await action();
            Snackbar.Add("已保存。", Severity.Success);
            _mine = await Pool.MineAsync();
        }
        catch (DomainException e)
        {
            Snackbar.Add(e.Message, Severity.Warning);
        }
    }

    private async Task ApplyAsync()
    {
        _saving = true;
        try
        {
            await Pool.ApplyAsync(_model.ToProfile());
            Snackbar.Add("申请已提交，请等待交易中心审核。", Severity.Success);
            _mine = await Pool.MineAsync();
        }
        catch (FormValidationException e)
        {
            _validator?.Show(e.Errors);
        }
        catch (DomainException e)
        {
            Snackbar.Add(e.Message, Severity.Warning);
        }
        finally
        {
            _saving = false;
        }
    }

    /// <summary>What the application form edits; its field names are those of <see cref="ExpertProfile"/>, so the domain's errors land on them.</summary>
    private sealed class ExpertApplicationModel
    {
        public string? Name { get; set; }
        public string? IdNumber { get; set; }
        public string? Title { get; set; }
        public string? EmployerName { get; set; }
        public string? RegionCode { get; set; } = "640100";
        public IReadOnlyCollection<string> SpecialtyCodes { get; set; } = [];
        public string? Phone { get; set; }

        public ExpertProfile ToProfile() =>
            new(Name ?? "", IdNumber ?? "", Title ?? "", EmployerName ?? "", null, RegionCode ?? "", SpecialtyCodes.ToList(), Phone);
    }
}

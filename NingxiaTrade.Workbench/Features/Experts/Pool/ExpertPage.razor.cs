using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Experts;

namespace NingxiaTrade.Workbench.Features.Experts.Pool;

public partial class ExpertPage
{
    [Inject] private ExpertPool Pool { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private TimeProvider Time { get; set; } = null!;
    [CascadingParameter] private Task<AuthenticationState> Auth { get; set; } = null!;

    [Parameter] public Guid Id { get; set; }

    private Expert? _expert;
    private IReadOnlyDictionary<Guid, string> _entityNames = new Dictionary<Guid, string>();
    private IReadOnlyList<(Guid Id, string Name)> _entities = [];
    private string? _error;
    private ExpertStatus _status = ExpertStatus.Suspended;
    private string? _reason;
    private DateTime? _leaveFrom;
    private DateTime? _leaveTo;
    private string? _course;
    private int _hours = 8;
    private Guid? _conflictEntity;
    private string? _conflictNote;
    private string _specialtyLabels = "";
    private bool _isClerk;

    protected override async Task OnParametersSetAsync()
    {
        _isClerk = (await Auth).User.IsInRole(Roles.CentreClerk);
        if (_isClerk)
        {
            _entities = await Pool.EntityChoicesAsync();
        }
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        try
        {
            _expert = await Pool.GetAsync(Id);
            _specialtyLabels = await Pool.SpecialtyLabelsAsync(_expert.Specialties.Select(s => s.Code));
            _entityNames = await Pool.EntityNamesAsync(_expert.Conflicts.Select(c => c.EntityId));
        }
        catch (DomainException e)
        {
            _error = e.Message;
        }
    }

    private async Task RunAsync(Func<Task> action)
    {
        try
        {
            await action();
            Snackbar.Add("已保存。", Severity.Success);
            await LoadAsync();
        }
        catch (DomainException e)
        {
            Snackbar.Add(e.Message, Severity.Warning);
        }
    }

    private Task AddLeaveAsync()
    {
        if (_leaveFrom is null || _leaveTo is null)
        {
            Snackbar.Add("请选择请假起止日期。", Severity.Warning);
            return Task.CompletedTask;
        }
        return RunAsync(() => Pool.AddLeaveAsync(Id, ChinaTime.StartOfDayUtc(DateOnly.FromDateTime(_leaveFrom.Value)),
            ChinaTime.StartOfDayUtc(DateOnly.FromDateTime(_leaveTo.Value).AddDays(1)), "请假"));
    }

    private Task AddTrainingAsync() =>
        RunAsync(() => Pool.AddTrainingAsync(Id, ChinaTime.DateOf(Time.GetUtcNow().UtcDateTime), _course ?? "", _hours));

    private Task DeclareAsync()
    {
        if (_conflictEntity is null)
        {
            Snackbar.Add("请选择单位。", Severity.Warning);
            return Task.CompletedTask;
        }
        return RunAsync(() => Pool.DeclareConflictAsync(Id, _conflictEntity.Value, _conflictNote));
    }
}

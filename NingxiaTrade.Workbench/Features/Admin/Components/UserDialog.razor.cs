using Microsoft.AspNetCore.Components;
using MudBlazor;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Organisations;

namespace NingxiaTrade.Workbench.Features.Admin.Components;

public partial class UserDialog
{
    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;
    [Parameter] public UserRow? Existing { get; set; }
    [Inject] private UserAdministration Users { get; set; } = default!;
    [Inject] private OrganisationAdministration Organisations { get; set; } = default!;

    private MudForm? _form;
    private IReadOnlyList<TradingCentre> _centres = [];
    private IReadOnlyList<SupervisingDepartment> _departments = [];
    private string? _email;
    private string? _displayName;
    private string? _role;
    private int? _centreId;
    private int? _departmentId;
    private string? _password;
    private bool _designer;
    private string? _error;
    private bool _saving;

    protected override async Task OnInitializedAsync()
    {
        _centres = await Organisations.CentresAsync(activeOnly: true);
        _departments = await Organisations.DepartmentsAsync(activeOnly: true);
        if (Existing is { } u)
        {
            (_email, _displayName, _role, _centreId, _departmentId, _designer) =
                (u.Email, u.DisplayName, u.Role, u.TradingCentreId, u.SupervisingDepartmentId, u.WorkflowDesigner);
        }
    }

    private async Task SaveAsync()
    {
        _error = null;
        await _form!.ValidateAsync();
        if (!_form.IsValid)
        {
            return;
        }
        _saving = true;
        try
        {
            var form = new UserForm(_email ?? "", _displayName ?? "", _role ?? "", _centreId, _departmentId, _password, _designer);
            if (Existing is null)
            {
                await Users.CreateAsync(form);
            }
            else
            {
                await Users.UpdateAsync(Existing.Id, form);
            }
            Dialog.Close(DialogResult.Ok(true));
        }
        catch (DomainException ex)
        {
            _error = ex.Message;
        }
        finally
        {
            _saving = false;
        }
    }
}

using NingxiaTrade.Domain.Calendar;
using NingxiaTrade.Workbench.Features.Calendar;
using NingxiaTrade.Workbench.Features.Shell;
using NingxiaTrade.Workbench.Infrastructure;
using NingxiaTrade.Workbench.Security;

// In the implicitly imported namespace of service registration, so Program.cs needs only the two calls.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the 节假日日历 module's services and maps its endpoints.</summary>
public static class CalendarModuleRegistration
{
    public static IServiceCollection AddCalendarModule(this IServiceCollection services)
    {
        services.AddWorkbenchModule<CalendarModule>();
        services.AddScoped<WorkingDayCalendar>();
        services.AddScoped<HolidayAdministration>();
        return services;
    }

    public static WebApplication MapCalendarApi(this WebApplication app)
    {
        ApiSetup.PublicApi(app).MapGet("/calendar/{year:int}", CalendarEndpoints.ScheduleAsync)
            .WithName("PublicHolidaySchedule")
            .WithSummary("某年的法定节假日与调休上班日（kind：holiday 节假日，workday 调休上班）");

        var workingDays = ApiSetup.Api(app).MapGroup("/working-days");
        workingDays.MapGet("/add", CalendarEndpoints.AddAsync)
            .WithName("AddWorkingDays")
            .WithSummary("某日之后第 N 个工作日（起始日不计入）");
        workingDays.MapGet("/count", CalendarEndpoints.CountAsync)
            .WithName("CountWorkingDays")
            .WithSummary("两日期之间的工作日数（from 不计入，to 计入；to 早于 from 时为负数）");

        var files = app.MapGroup("/admin/calendar").RequireAuthorization(Policies.Admin);
        files.MapGet("/template.xlsx", CalendarEndpoints.Template)
            .WithSummary("下载节假日导入模板");
        files.MapGet("/{year:int}.xlsx", CalendarEndpoints.ExportAsync)
            .WithSummary("导出某年节假日安排");
        return app;
    }
}

using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Rsspot.Emulator.Hosting;

/// <summary>
/// Leaves the generated contract's body parameters (the spec's DTOs) unbound, so MVC never reads or rejects
/// a body: handlers read it themselves, which keeps unknown fields, lets merge-patch and form bodies through
/// whatever NSwag generated for them, and puts the 415 answer in Kubernetes Status form.
/// </summary>
internal sealed class ContractBodyConvention : IActionModelConvention
{
    public void Apply(ActionModel action)
    {
        foreach (var parameter in action.Parameters)
        {
            if (parameter.ParameterType.Namespace == typeof(Contract.Status).Namespace)
            {
                parameter.BindingInfo = new BindingInfo { BindingSource = BindingSource.Custom, BinderType = typeof(UnboundBinder) };
            }
        }
    }

    private sealed class UnboundBinder : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext bindingContext)
        {
            bindingContext.Result = ModelBindingResult.Success(null);
            return Task.CompletedTask;
        }
    }
}

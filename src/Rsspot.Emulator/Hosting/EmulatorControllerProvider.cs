using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;

namespace Rsspot.Emulator.Hosting;

/// <summary>Finds the handwritten controllers, which are internal: they are no part of the emulator's public API.</summary>
internal sealed class EmulatorControllerProvider : ControllerFeatureProvider
{
    protected override bool IsController(TypeInfo typeInfo) =>
        typeInfo.IsClass
        && !typeInfo.IsAbstract
        && !typeInfo.ContainsGenericParameters
        && typeof(ControllerBase).IsAssignableFrom(typeInfo)
        && typeInfo.Assembly == typeof(EmulatorControllerProvider).Assembly;
}

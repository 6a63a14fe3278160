#!/usr/bin/env python3
"""Writes sympy-forms.tsv: SymPy's printed forms of ~30 formulas and derivatives, the outside
reference for dotbar's canonical form at construction (CanonicalFormSympyTest).

Run outside the project (needs sympy; 1.14 was used):
    python3 src/test/resources/canonical/sympy_forms.py > src/test/resources/canonical/sympy-forms.tsv

Columns: input (dotbar syntax), the variable differentiated by ('-' for none), SymPy's result
as str() prints it with ** written ^ (so dotbar's parser reads it)."""
import sympy
from sympy import Symbol, diff, sympify, Rational

x, y, z = sympy.symbols("x y z")
ns = {"x": x, "y": y, "z": z, "exp": sympy.exp, "log": sympy.log, "sin": sympy.sin, "cos": sympy.cos,
      "sqrt": sympy.sqrt, "tanh": sympy.tanh, "pi": sympy.pi}

ROWS = [
    ("1/3", None), ("2^100", None), ("0.1", None), ("pi/2", None), ("x + x", None), ("x*x", None),
    ("0.5*(2*x)", None), ("(1/2)*(2*x)", None), ("x^2/2", None), ("y + x", None), ("x*y*x/y", None),
    ("2*(x + 1)", None), ("(x + 1)/2", None), ("-(x + 1)", None), ("x/3 + x/6", None), ("3*x - 3*x + 1", None),
    ("x^2/2", "x"), ("x^3/3 + 2*x", "x"), ("1/(1 + exp(-x))", "x"), ("x^5 - 3*x^2 + 7", "x"),
    ("(x^2 + 1)/x", "x"), ("x*y^2 + 3*x*y", "y"), ("x*sin(x)", "x"), ("exp(2*x)", "x"), ("log(x^2)", "x"),
    ("sqrt(x)", "x"), ("1/x", "x"), ("1/x^2", "x"), ("x^2*y^3", "x"), ("(2*x + 1)^3", "x"),
    ("tanh(x)", "x"), ("x/(1 + x)", "x"), ("sin(x)*cos(x)", "x"), ("x^(1/2) + x^(3/2)", "x"),
    ("pi*x^2", "x"), ("exp(-x^2/2)", "x"),
]

def to_sympy(text):
    return sympify(text.replace("^", "**"), locals=ns, rational=True)

for text, wrt in ROWS:
    e = to_sympy(text)
    r = diff(e, ns[wrt]) if wrt else e
    print("\t".join([text, wrt or "-", str(r).replace("**", "^")]))

/* tf.variable_scope, reuse, re-entry, default names, block forms
 * (docs/tf-semantics.md §5; variable_scope_test.py). */
#include "helpers.h"

#define W(g, nm) vs_get_variable((g), (nm), .shape = VS_SCALAR)
#define C(g, nm) vs_scalar_f32((g), 1.0f, .name = (nm))
/* the string a name scope entry yields, the scope left open for the caller */
#define NS_AT(g, nm) sn(vs_name_scope_enter((g), (nm)))

/* checks "with ops.name_scope(nm) as sc: assertEqual(sc, want)" */
static void ns_is(vs_graph *g, const char *nm, const char *want)
{
    assert_string_equal(NS_AT(g, nm), want);
    vs_scope_exit(g);
}

/* ---- reuse inheritance (docs/tf-semantics.md §5 (by string)) ------------------------- */

/* mirrors variable_scope_test.py testVarScopeGetVar */
static void test_var_scope_get_var(void **state)
{
    FX;
    VS_VARIABLE_SCOPE(g, "root") {
        vs_scope *tower_a = NULL;
        vs_var *va = NULL;
        VS_VARIABLE_SCOPE_AS(t, g, "towerA") {
            tower_a = t;
            va = vs_get_variable(g, "v", .shape = VS_SHAPE(1));
            assert_string_equal(vn(va), "root/towerA/v:0");
        }
        VS_VARIABLE_SCOPE_REENTER(g, tower_a, .reuse = VS_REUSE) {
            assert_ptr_equal(vs_get_variable(g, "v", .shape = VS_SHAPE(1)), va);
        }
        VS_VARIABLE_SCOPE(g, "towerB") {
            assert_string_equal(vn(vs_get_variable(g, "v", .shape = VS_SHAPE(1))),
                                "root/towerB/v:0");
        }
        EXPECT_NO_ERROR();
        VS_VARIABLE_SCOPE(g, "towerA") {
            EXPECT_FAIL(VS_ERR_DUPLICATE_VARIABLE, vs_get_variable(g, "v", .shape = VS_SHAPE(1)));
        }
        VS_VARIABLE_SCOPE(g, "towerA", .reuse = VS_REUSE) {
            assert_ptr_equal(vs_get_variable(g, "v", .shape = VS_SHAPE(1)), va);
        }
        VS_VARIABLE_SCOPE(g, "foo") {
            VS_VARIABLE_SCOPE(g, "bar") {
                assert_string_equal(vn(vs_get_variable(g, "v", .shape = VS_SHAPE(1))),
                                    "root/foo/bar/v:0");
                VS_VARIABLE_SCOPE_REENTER(g, tower_a, .reuse = VS_REUSE) {
                    assert_ptr_equal(vs_get_variable(g, "v", .shape = VS_SHAPE(1)), va);
                }
            }
        }
        EXPECT_NO_ERROR();
        VS_VARIABLE_SCOPE_REENTER(g, tower_a, .reuse = VS_REUSE) {
            VS_VARIABLE_SCOPE(g, "baz") {
                EXPECT_FAIL(VS_ERR_MISSING_VARIABLE, vs_get_variable(g, "v", .shape = VS_SHAPE(1)));
            }
        }
        VS_VARIABLE_SCOPE_REENTER(g, tower_a, .reuse = VS_REUSE) {
            EXPECT_FAIL(VS_ERR_SHAPE_MISMATCH, vs_get_variable(g, "v", .shape = VS_SHAPE(2)));
        }
        VS_VARIABLE_SCOPE_REENTER(g, tower_a, .reuse = VS_REUSE) {
            EXPECT_FAIL(VS_ERR_DTYPE_MISMATCH, vs_get_variable(g, "v", .shape = VS_SHAPE(1), .dtype = VS_INT32));
        }
    }
}

/* mirrors docs/tf-semantics.md §5 (by string): reuse = r or parent.reuse */
static void test_reuse_inherited_by_subscopes(void **state)
{
    FX;
    VS_VARIABLE_SCOPE(g, "p") { W(g, "x"); }
    VS_VARIABLE_SCOPE(g, "p", .reuse = VS_REUSE) {
        VS_VARIABLE_SCOPE_AS(c, g, "c") {
            assert_int_equal(vs_scope_reuse(c), VS_REUSE);
            VS_VARIABLE_SCOPE_AS(d, g, NULL, .default_name = "d") {
                assert_int_equal(vs_scope_reuse(d), VS_REUSE);
            }
        }
    }
    EXPECT_NO_ERROR();
}

/* mirrors docs/tf-semantics.md §5 (reuse=False is turned into None, "inherit")
 * and §5 (by string) (so reuse=False under a reusing parent stays True) */
static void test_reuse_false_under_reusing_parent_stays_on(void **state)
{
    FX;
    VS_VARIABLE_SCOPE(g, "p", .reuse = VS_REUSE) {
        VS_VARIABLE_SCOPE_AS(c, g, "c", .reuse = VS_REUSE_INHERIT) {
            assert_int_equal(vs_scope_reuse(c), VS_REUSE);
            EXPECT_FAIL(VS_ERR_MISSING_VARIABLE, vs_get_variable(g, "x", .shape = VS_SHAPE(1)));
        }
    }
}

/* mirrors docs/tf-semantics.md §5 (by string): a True child under an AUTO_REUSE parent
 * is True (new names are missing-variable) */
static void test_reuse_child_under_auto_reuse_parent(void **state)
{
    FX;
    VS_VARIABLE_SCOPE(g, "p", .reuse = VS_AUTO_REUSE) {
        assert_non_null(vs_get_variable(g, "made", .shape = VS_SHAPE(1)));
        VS_VARIABLE_SCOPE_AS(c, g, "c", .reuse = VS_REUSE) {
            assert_int_equal(vs_scope_reuse(c), VS_REUSE);
            EXPECT_FAIL(VS_ERR_MISSING_VARIABLE, vs_get_variable(g, "n", .shape = VS_SHAPE(1)));
        }
        VS_VARIABLE_SCOPE_AS(c, g, "c2") {   /* inherits AUTO_REUSE */
            assert_int_equal(vs_scope_reuse(c), VS_AUTO_REUSE);
        }
    }
}

/* mirrors docs/tf-semantics.md §5 (by string): an AUTO_REUSE child under a True parent
 * is AUTO_REUSE (creates new names) */
static void test_auto_reuse_child_under_reuse_parent(void **state)
{
    FX;
    VS_VARIABLE_SCOPE(g, "p", .reuse = VS_REUSE) {
        VS_VARIABLE_SCOPE_AS(c, g, "c", .reuse = VS_AUTO_REUSE) {
            assert_int_equal(vs_scope_reuse(c), VS_AUTO_REUSE);
            vs_var *n = vs_get_variable(g, "n", .shape = VS_SHAPE(1));
            assert_string_equal(vn(n), "p/c/n:0");
            assert_ptr_equal(vs_get_variable(g, "n", .shape = VS_SHAPE(1)), n);
        }
    }
    EXPECT_NO_ERROR();
}

/* mirrors the notebook In[4] (reuse_variables() mid-block) and
 * variable_scope_test.py testGetVariableScope */
static void test_reuse_variables_mid_block(void **state)
{
    FX;
    VS_VARIABLE_SCOPE(g, "bar") {
        vs_var *v = W(g, "v");
        assert_string_equal(vn(v), "bar/v:0");
        vs_reuse_variables(vs_get_variable_scope(g));
        assert_int_equal(vs_scope_reuse(vs_get_variable_scope(g)), VS_REUSE);
        assert_ptr_equal(W(g, "v"), v);
        EXPECT_FAIL(VS_ERR_MISSING_VARIABLE, vs_get_variable(g, "w", .shape = VS_SHAPE(1)));
        VS_VARIABLE_SCOPE_AS(c, g, "child") {   /* opened afterwards: inherits */
            assert_int_equal(vs_scope_reuse(c), VS_REUSE);
        }
    }
    /* the root scope was not touched */
    assert_int_equal(vs_scope_reuse(vs_get_variable_scope(g)), VS_REUSE_INHERIT);
    assert_string_equal(vn(vs_get_variable(g, "w", .shape = VS_SHAPE(1))), "w:0");
    EXPECT_NO_ERROR();
}

/* ---- re-entry (docs/tf-semantics.md §5 (by a captured scope object)) ------------------------------ */

/* mirrors docs/tf-semantics.md §5: by object sees reuse_variables(), by string not */
static void test_reentry_by_object_vs_by_name(void **state)
{
    FX;
    vs_scope *s = NULL;
    vs_var *x = NULL;
    VS_VARIABLE_SCOPE_AS(t, g, "s") {
        s = t;
        x = vs_get_variable(g, "x", .shape = VS_SHAPE(1));
        vs_reuse_variables(t);
    }
    assert_int_equal(vs_scope_reuse(s), VS_REUSE);
    VS_VARIABLE_SCOPE_REENTER(g, s) {
        assert_int_equal(vs_scope_reuse(vs_get_variable_scope(g)), VS_REUSE);
        assert_ptr_equal(vs_get_variable(g, "x"), x);
        EXPECT_FAIL(VS_ERR_MISSING_VARIABLE, vs_get_variable(g, "y", .shape = VS_SHAPE(1)));
    }
    VS_VARIABLE_SCOPE_AS(t, g, "s") {
        assert_int_equal(vs_scope_reuse(t), VS_REUSE_INHERIT);
        EXPECT_FAIL(VS_ERR_DUPLICATE_VARIABLE, vs_get_variable(g, "x", .shape = VS_SHAPE(1)));
    }
}

/* mirrors variable_scope_test.py testVarScopeObjectReuse */
static void test_var_scope_object_reuse(void **state)
{
    FX;
    vs_scope *vs = NULL;
    VS_VARIABLE_SCOPE_AS(scope, g, "jump", .reuse = VS_REUSE) { vs = scope; }
    vs_scope *jump = vs_variable_scope_reenter(g, vs);
    assert_int_equal(vs_scope_reuse(jump), VS_REUSE);
    vs_scope_exit(g);
    jump = vs_variable_scope_reenter(g, vs, .reuse = VS_REUSE);
    assert_int_equal(vs_scope_reuse(jump), VS_REUSE);
    vs_scope_exit(g);
    jump = vs_variable_scope_reenter(g, vs, .reuse = VS_REUSE_INHERIT);
    assert_int_equal(vs_scope_reuse(jump), VS_REUSE);   /* cannot be undone */
    vs_scope_exit(g);

    VS_VARIABLE_SCOPE_AS(scope, g, "jump", .reuse = VS_REUSE_INHERIT) { vs = scope; }
    jump = vs_variable_scope_reenter(g, vs);
    assert_int_equal(vs_scope_reuse(jump), VS_REUSE_INHERIT);
    vs_scope_exit(g);
    jump = vs_variable_scope_reenter(g, vs, .reuse = VS_REUSE);
    assert_int_equal(vs_scope_reuse(jump), VS_REUSE);
    vs_scope_exit(g);
    jump = vs_variable_scope_reenter(g, vs, .reuse = VS_REUSE_INHERIT);
    assert_int_equal(vs_scope_reuse(jump), VS_REUSE_INHERIT);
    vs_scope_exit(g);
    EXPECT_NO_ERROR();
}

/* mirrors docs/tf-semantics.md §5 (by a captured scope object): the pushed object is a copy
 * (variable_scope.py, _pure_variable_scope, copy.copy), so mutating it
 * (reuse_variables()) does not change o */
static void test_reentered_copy_is_independent(void **state)
{
    FX;
    vs_scope *s = NULL;
    VS_VARIABLE_SCOPE_AS(t, g, "s") { s = t; }
    vs_scope *copy = vs_variable_scope_reenter(g, s);
    assert_non_null(copy);
    assert_ptr_not_equal(copy, s);
    assert_ptr_equal(vs_get_variable_scope(g), copy);
    vs_reuse_variables(copy);
    vs_scope_exit(g);
    assert_int_equal(vs_scope_reuse(s), VS_REUSE_INHERIT);
    VS_VARIABLE_SCOPE_REENTER(g, s) {
        assert_int_equal(vs_scope_reuse(vs_get_variable_scope(g)), VS_REUSE_INHERIT);
    }
    EXPECT_NO_ERROR();
}

/* mirrors docs/tf-semantics.md §5 (by a captured scope object) (reuse comes from o, not
 * the parent: a non-reusing o inside a reuse=True scope gives reuse False) */
static void test_non_reusing_object_inside_reusing_scope(void **state)
{
    FX;
    vs_scope *s = NULL;
    VS_VARIABLE_SCOPE_AS(t, g, "s") { s = t; }
    VS_VARIABLE_SCOPE(g, "p", .reuse = VS_REUSE) {
        VS_VARIABLE_SCOPE_REENTER(g, s) {
            assert_int_equal(vs_scope_reuse(vs_get_variable_scope(g)), VS_REUSE_INHERIT);
            assert_string_equal(vn(vs_get_variable(g, "new", .shape = VS_SHAPE(1))), "s/new:0");
        }
    }
    EXPECT_NO_ERROR();
}

/* mirrors variable_scope_test.py testVarScope */
static void test_var_scope(void **state)
{
    FX;
    vs_scope *tower = NULL;
    VS_VARIABLE_SCOPE_AS(t, g, "tower4") {
        tower = t;
        assert_string_equal(vs_scope_name(t), "tower4");
        ns_is(g, "scope", "tower4/scope/");
    }
    VS_VARIABLE_SCOPE(g, "tower5") {
        VS_VARIABLE_SCOPE_AS(bar, g, "bar") {
            assert_string_equal(vs_scope_name(bar), "tower5/bar");
            ns_is(g, "scope", "tower5/bar/scope/");
        }
    }
    VS_VARIABLE_SCOPE(g, "tower6") {
        vs_scope *shared = vs_variable_scope_reenter(g, tower, .reuse = VS_REUSE);
        assert_string_equal(vs_scope_name(shared), "tower4");
        ns_is(g, "scope", "tower6/tower4/scope/");
        vs_scope_exit(g);
    }
    EXPECT_NO_ERROR();
}

/* mirrors variable_scope_test.py testVarScopeNameScope */
static void test_var_scope_name_scope(void **state)
{
    FX;
    vs_scope *tower = NULL;
    VS_NAME_SCOPE(g, "testVarScopeNameScope1") {
        VS_VARIABLE_SCOPE_AS(t, g, "tower") {
            tower = t;
            ns_is(g, "scope2", "testVarScopeNameScope1/tower/scope2/");
        }
        VS_VARIABLE_SCOPE_REENTER(g, tower) {   /* acts like another "tower" */
            ns_is(g, "scope2", "testVarScopeNameScope1/tower_1/scope2/");
        }
        VS_VARIABLE_SCOPE(g, "tower") {   /* by string acts the same */
            ns_is(g, "scope2", "testVarScopeNameScope1/tower_2/scope2/");
        }
    }
    VS_NAME_SCOPE(g, "testVarScopeNameScope2") {
        VS_VARIABLE_SCOPE(g, "tower") {
            ns_is(g, "scope2", "testVarScopeNameScope2/tower/scope2/");
        }
        VS_VARIABLE_SCOPE_REENTER(g, tower) {
            ns_is(g, "scope2", "testVarScopeNameScope2/tower_1/scope2/");
        }
    }
    vs_scope *root = vs_get_variable_scope(g);
    VS_NAME_SCOPE(g, "testVarScopeNameScope3") {
        VS_VARIABLE_SCOPE_REENTER(g, root) {
            ns_is(g, "scope2", "testVarScopeNameScope3/scope2/");
        }
    }
    EXPECT_NO_ERROR();
}

/* mirrors variable_scope_test.py testVarScopeOriginalNameScope */
static void test_var_scope_original_name_scope(void **state)
{
    FX;
    vs_scope *tower = NULL;
    VS_NAME_SCOPE(g, "scope1") {
        VS_VARIABLE_SCOPE_AS(t, g, "tower") {
            tower = t;
            assert_string_equal(vs_scope_original_name_scope(t), "scope1/tower/");
            ns_is(g, "scope2", "scope1/tower/scope2/");
        }
    }
    VS_NAME_SCOPE(g, "scope2") {
        vs_scope *tower1 = vs_variable_scope_reenter(g, tower);
        /* re-entering preserves the original name scope */
        assert_string_equal(vs_scope_original_name_scope(tower1), "scope1/tower/");
        ns_is(g, "foo", "scope2/tower/foo/");
        vs_scope_exit(g);
        VS_NAME_SCOPE(g, vs_scope_original_name_scope(tower)) {
            ns_is(g, "bar", "scope1/tower/bar/");
        }
    }
    VS_NAME_SCOPE(g, "scope2") {
        VS_VARIABLE_SCOPE_REENTER(g, tower) {
            VS_NAME_SCOPE(g, vs_scope_original_name_scope(tower)) {
                ns_is(g, "bar", "scope1/tower/bar_1/");
            }
        }
    }
    EXPECT_NO_ERROR();
}

/* mirrors docs/tf-semantics.md §5: object re-entry at root opens a name scope
 * from the last component, made unique (tower -> tower_1/) */
static void test_reentry_name_scope_is_last_component_made_unique(void **state)
{
    FX;
    vs_scope *tower = NULL, *deep = NULL;
    VS_VARIABLE_SCOPE_AS(t, g, "tower") { tower = t; }
    VS_VARIABLE_SCOPE(g, "a") {
        VS_VARIABLE_SCOPE_AS(t, g, "deep") { deep = t; }
    }
    VS_VARIABLE_SCOPE_REENTER(g, tower) {
        assert_string_equal(vs_current_name_scope(g), "tower_1/");
        assert_string_equal(vs_scope_name(vs_get_variable_scope(g)), "tower");
        assert_string_equal(vs_scope_original_name_scope(vs_get_variable_scope(g)), "tower/");
    }
    VS_VARIABLE_SCOPE_REENTER(g, deep) {   /* "a/deep" -> name scope "deep" */
        assert_string_equal(vs_current_name_scope(g), "deep/");
        assert_string_equal(vs_scope_name(vs_get_variable_scope(g)), "a/deep");
        assert_string_equal(vn(W(g, "w")), "a/deep/w:0");
    }
    VS_VARIABLE_SCOPE(g, "other") {   /* not prefixed by "other" */
        VS_VARIABLE_SCOPE_REENTER(g, tower) {
            assert_string_equal(vs_current_name_scope(g), "other/tower/");
            assert_string_equal(vs_scope_name(vs_get_variable_scope(g)), "tower");
            assert_string_equal(vn(W(g, "w")), "tower/w:0");
        }
    }
    EXPECT_NO_ERROR();
}

/* mirrors variable_scope_test.py testVarScopeOuterScope */
static void test_var_scope_outer_scope(void **state)
{
    FX;
    vs_scope *outer = NULL;
    VS_VARIABLE_SCOPE_AS(t, g, "outer") { outer = t; }
    VS_VARIABLE_SCOPE_REENTER(g, outer) {
        assert_string_equal(vn(W(g, "w")), "outer/w:0");
        ns_is(g, "scope2", "outer_1/scope2/");
        VS_VARIABLE_SCOPE(g, "default") {
            assert_string_equal(vn(W(g, "w")), "outer/default/w:0");
            ns_is(g, "scope2", "outer_1/default/scope2/");
        }
    }
    VS_VARIABLE_SCOPE_REENTER(g, outer, .reuse = VS_REUSE) {
        assert_string_equal(vn(W(g, "w")), "outer/w:0");
        ns_is(g, "scope2", "outer_2/scope2/");
        VS_VARIABLE_SCOPE(g, "default", .reuse = VS_REUSE) {
            assert_string_equal(vn(W(g, "w")), "outer/default/w:0");
            ns_is(g, "scope2", "outer_2/default/scope2/");
        }
    }
    assert_int_equal(nvars(g), 2);
    EXPECT_NO_ERROR();
}

/* mirrors variable_scope_test.py testVarScopeNestedOuterScope */
static void test_var_scope_nested_outer_scope(void **state)
{
    FX;
    VS_VARIABLE_SCOPE_AS(outer, g, "outer") {
        VS_VARIABLE_SCOPE_REENTER(g, outer) {
            assert_string_equal(vn(W(g, "w")), "outer/w:0");
            ns_is(g, "scope2", "outer/outer/scope2/");
        }
        VS_VARIABLE_SCOPE(g, "default") {
            assert_string_equal(vn(W(g, "w")), "outer/default/w:0");
            ns_is(g, "scope2", "outer/default/scope2/");
        }
        VS_VARIABLE_SCOPE_REENTER(g, outer, .reuse = VS_REUSE) {
            assert_string_equal(vn(W(g, "w")), "outer/w:0");
            ns_is(g, "scope2", "outer/outer_1/scope2/");
        }
        VS_VARIABLE_SCOPE(g, "default", .reuse = VS_REUSE) {
            assert_string_equal(vn(W(g, "w")), "outer/default/w:0");
            ns_is(g, "scope2", "outer/default_1/scope2/");
        }
    }
    EXPECT_NO_ERROR();
}

/* mirrors variable_scope_test.py testVarOpScopeReuse */
static void test_var_op_scope_reuse(void **state)
{
    FX;
    vs_scope *outer = NULL;
    VS_VARIABLE_SCOPE_AS(t, g, "outer") {
        outer = t;
        VS_VARIABLE_SCOPE(g, "tower", .default_name = "default") {
            assert_string_equal(vn(W(g, "w")), "outer/tower/w:0");
            ns_is(g, "scope2", "outer/tower/scope2/");
        }
        VS_VARIABLE_SCOPE(g, NULL, .default_name = "default") {
            assert_string_equal(vn(W(g, "w")), "outer/default/w:0");
            ns_is(g, "scope2", "outer/default/scope2/");
        }
    }
    VS_VARIABLE_SCOPE_REENTER(g, outer, .reuse = VS_REUSE) {
        VS_VARIABLE_SCOPE(g, "tower", .default_name = "default") {
            assert_string_equal(vn(W(g, "w")), "outer/tower/w:0");
            ns_is(g, "scope2", "outer_1/tower/scope2/");
        }
        VS_VARIABLE_SCOPE(g, NULL, .default_name = "default") {
            assert_string_equal(vn(W(g, "w")), "outer/default/w:0");
            ns_is(g, "scope2", "outer_1/default/scope2/");
        }
    }
    assert_int_equal(nvars(g), 2);
    EXPECT_NO_ERROR();
}

/* mirrors variable_scope_test.py testVarOpScopeReuseParam */
static void test_var_op_scope_reuse_param(void **state)
{
    FX;
    vs_scope *outer = NULL;
    VS_VARIABLE_SCOPE_AS(t, g, "outer") {
        outer = t;
        VS_VARIABLE_SCOPE(g, "tower", .default_name = "default") {
            assert_string_equal(vn(W(g, "w")), "outer/tower/w:0");
            ns_is(g, "scope2", "outer/tower/scope2/");
        }
        VS_VARIABLE_SCOPE(g, NULL, .default_name = "default") {
            assert_string_equal(vn(W(g, "w")), "outer/default/w:0");
            ns_is(g, "scope2", "outer/default/scope2/");
        }
    }
    VS_VARIABLE_SCOPE_REENTER(g, outer) {
        vs_scope *outer2 = vs_get_variable_scope(g);
        VS_VARIABLE_SCOPE(g, "tower", .default_name = "default", .reuse = VS_REUSE) {
            assert_string_equal(vn(W(g, "w")), "outer/tower/w:0");
            ns_is(g, "scope2", "outer_1/tower/scope2/");
        }
        vs_reuse_variables(outer2);
        VS_VARIABLE_SCOPE(g, NULL, .default_name = "default") {
            assert_string_equal(vn(W(g, "w")), "outer/default/w:0");
            ns_is(g, "scope2", "outer_1/default/scope2/");
        }
    }
    assert_int_equal(nvars(g), 2);
    EXPECT_NO_ERROR();
}

/* ---- default names (docs/tf-semantics.md §5 (by default name)) ----------------------- */

/* mirrors variable_scope_test.py testVarOpScope */
static void test_var_op_scope(void **state)
{
    FX;
    VS_NAME_SCOPE(g, "testVarOpScope1") {
        VS_VARIABLE_SCOPE(g, "tower", .default_name = "default") {
            assert_string_equal(vn(W(g, "w")), "tower/w:0");
            ns_is(g, "testVarOpScope2", "testVarOpScope1/tower/testVarOpScope2/");
        }
        VS_VARIABLE_SCOPE(g, "tower", .default_name = "default") {
            EXPECT_NO_ERROR();
            EXPECT_FAIL(VS_ERR_DUPLICATE_VARIABLE, W(g, "w"));
            ns_is(g, "testVarOpScope2", "testVarOpScope1/tower_1/testVarOpScope2/");
        }
    }
    VS_NAME_SCOPE(g, "testVarOpScope2") {
        VS_VARIABLE_SCOPE(g, NULL, .default_name = "default") {
            assert_string_equal(vn(W(g, "w")), "default/w:0");
            ns_is(g, "testVarOpScope2", "testVarOpScope2/default/testVarOpScope2/");
        }
        VS_VARIABLE_SCOPE(g, NULL, .default_name = "default") {
            assert_string_equal(vn(W(g, "w")), "default_1/w:0");
            ns_is(g, "testVarOpScope2", "testVarOpScope2/default_1/testVarOpScope2/");
        }
    }
    EXPECT_NO_ERROR();
}

/* mirrors variable_scope_test.py
 * testVarOpScopeUniqueNamesInterleavedSubstringScopes */
static void test_default_names_interleaved_substring_scopes(void **state)
{
    FX;
    VS_VARIABLE_SCOPE(g, NULL, .default_name = "defaultScope1") {
        VS_VARIABLE_SCOPE(g, NULL, .default_name = "layer") {
            assert_string_equal(vn(W(g, "w")), "defaultScope1/layer/w:0");
        }
    }
    VS_VARIABLE_SCOPE(g, NULL, .default_name = "defaultScope1") {
        VS_VARIABLE_SCOPE(g, NULL, .default_name = "layer") {
            assert_string_equal(vn(W(g, "w")), "defaultScope1_1/layer/w:0");
        }
    }
    VS_VARIABLE_SCOPE(g, NULL, .default_name = "defaultScope") {
        VS_VARIABLE_SCOPE(g, NULL, .default_name = "layer") {
            assert_string_equal(vn(W(g, "w")), "defaultScope/layer/w:0");
        }
    }
    VS_VARIABLE_SCOPE(g, NULL, .default_name = "defaultScope1") {
        VS_VARIABLE_SCOPE(g, NULL, .default_name = "layer") {
            assert_string_equal(vn(W(g, "w")), "defaultScope1_2/layer/w:0");
        }
    }
    EXPECT_NO_ERROR();
}

/* mirrors variable_scope_test.py testVarOpScopeUniqueNamesWithJump */
static void test_default_names_continue_after_jump(void **state)
{
    FX;
    VS_VARIABLE_SCOPE_AS(def, g, "default") {
        VS_VARIABLE_SCOPE(g, NULL, .default_name = "layer") {
            assert_string_equal(vn(W(g, "w")), "default/layer/w:0");
        }
        VS_VARIABLE_SCOPE(g, NULL, .default_name = "layer") {
            assert_string_equal(vn(W(g, "w")), "default/layer_1/w:0");
        }
        VS_VARIABLE_SCOPE_REENTER(g, def) {}
        /* no matter the jump in the middle, unique numbering continues */
        VS_VARIABLE_SCOPE(g, NULL, .default_name = "layer") {
            assert_string_equal(vn(W(g, "w")), "default/layer_2/w:0");
        }
    }
    EXPECT_NO_ERROR();
}

/* mirrors docs/tf-semantics.md §5: exiting a string scope zeroes the counts
 * of its sub-scopes, so the next entry hands out "layer" again */
static void test_default_names_reset_when_parent_exits(void **state)
{
    FX;
    VS_VARIABLE_SCOPE(g, "outer") {
        VS_VARIABLE_SCOPE_AS(s, g, NULL, .default_name = "layer") {
            assert_string_equal(vs_scope_name(s), "outer/layer");
        }
        VS_VARIABLE_SCOPE_AS(s, g, NULL, .default_name = "layer") {
            assert_string_equal(vs_scope_name(s), "outer/layer_1");
        }
    }
    VS_VARIABLE_SCOPE(g, "outer") {
        VS_VARIABLE_SCOPE_AS(s, g, NULL, .default_name = "layer") {
            assert_string_equal(vs_scope_name(s), "outer/layer");
            assert_string_equal(vs_scope_original_name_scope(s), "outer_1/layer/");
        }
    }
    EXPECT_NO_ERROR();
}

/* mirrors docs/tf-semantics.md §5 (at the root nothing is ever reset) */
static void test_default_names_at_root_never_reset(void **state)
{
    FX;
    VS_VARIABLE_SCOPE_AS(s, g, NULL, .default_name = "layer") {
        assert_string_equal(vs_scope_name(s), "layer");
    }
    VS_VARIABLE_SCOPE_AS(s, g, NULL, .default_name = "layer") {
        assert_string_equal(vs_scope_name(s), "layer_1");
    }
    VS_VARIABLE_SCOPE(g, "x") {}
    VS_NAME_SCOPE(g, "y") {}
    VS_VARIABLE_SCOPE_AS(s, g, NULL, .default_name = "layer") {
        assert_string_equal(vs_scope_name(s), "layer_2");
    }
    EXPECT_NO_ERROR();
}

/* mirrors docs/tf-semantics.md §5 (by default name): the default name consults only the scope
 * counters; the auxiliary name scope is made unique independently */
static void test_default_name_independent_of_name_scope_counter(void **state)
{
    FX;
    VS_NAME_SCOPE(g, "layer") {}
    VS_VARIABLE_SCOPE_AS(s, g, NULL, .default_name = "layer") {
        assert_string_equal(vs_scope_name(s), "layer");
        assert_string_equal(vs_scope_original_name_scope(s), "layer_1/");
    }
    VS_VARIABLE_SCOPE_AS(s, g, NULL, .default_name = "layer") {
        assert_string_equal(vs_scope_name(s), "layer_1");
        assert_string_equal(vs_scope_original_name_scope(s), "layer_2/");
    }
    EXPECT_NO_ERROR();
}

/* mirrors docs/tf-semantics.md §5 (close_variable_subscopes resets the keys that
 * start with name + "/"): leaving "x" does not reset the counter of "xy" */
static void test_exit_resets_only_true_subscopes(void **state)
{
    FX;
    VS_VARIABLE_SCOPE_AS(s, g, NULL, .default_name = "xy") {
        assert_string_equal(vs_scope_name(s), "xy");
    }
    VS_VARIABLE_SCOPE(g, "x") {}
    VS_VARIABLE_SCOPE_AS(s, g, NULL, .default_name = "xy") {
        assert_string_equal(vs_scope_name(s), "xy_1");
    }
    EXPECT_NO_ERROR();
}

/* mirrors variable_scope_test.py testVarOpScopeReuseError and
 * docs/tf-semantics.md §5 (True or AUTO_REUSE) */
static void test_reuse_without_name(void **state)
{
    FX;
    EXPECT_FAIL(VS_ERR_REUSE_WITHOUT_NAME, vs_variable_scope_enter(g, NULL, .default_name = "default", .reuse = VS_REUSE));
    EXPECT_FAIL(VS_ERR_REUSE_WITHOUT_NAME, vs_variable_scope_enter(g, NULL, .default_name = "default", .reuse = VS_AUTO_REUSE));
    /* nothing was entered and no counter was consumed */
    assert_string_equal(vs_current_name_scope(g), "");
    assert_string_equal(vs_scope_name(vs_get_variable_scope(g)), "");
    VS_VARIABLE_SCOPE_AS(s, g, NULL, .default_name = "default") {
        assert_string_equal(vs_scope_name(s), "default");
        assert_string_equal(vs_scope_original_name_scope(s), "default/");
    }
    EXPECT_NO_ERROR();
}

/* mirrors docs/tf-semantics.md §5 ("If default_name is None then name_or_scope
 * is required"), reported as invalid-argument */
static void test_no_name_and_no_default_name(void **state)
{
    FX;
    EXPECT_FAIL(VS_ERR_INVALID_ARGUMENT, vs_variable_scope_enter(g, NULL));
    assert_string_equal(vs_current_name_scope(g), "");
}

/* mirrors docs/tf-semantics.md §5 (validated through the auxiliary name scope,
 * test testTwoGraphs: "'_' is not a valid scope name") */
static void test_invalid_variable_scope_names(void **state)
{
    FX;
    EXPECT_FAIL(VS_ERR_INVALID_NAME, vs_variable_scope_enter(g, "_"));
    EXPECT_FAIL(VS_ERR_INVALID_NAME, vs_variable_scope_enter(g, "bad name"));
    EXPECT_FAIL(VS_ERR_INVALID_NAME, vs_variable_scope_enter(g, NULL, .default_name = "bad name"));
    VS_NAME_SCOPE(g, "ns") {   /* nested: the scope regex allows "_" */
        VS_VARIABLE_SCOPE_AS(s, g, "_") {
            assert_string_equal(vs_current_name_scope(g), "ns/_/");
            assert_string_equal(vs_scope_name(s), "_");
        }
    }
    EXPECT_NO_ERROR();
    assert_string_equal(vs_scope_name(vs_get_variable_scope(g)), "");
}

/* ---- auxiliary_name_scope=False and the root scope --------------------- */

/* mirrors variable_scope_test.py testBasicWhenAuxiliaryNameScopeIsFalse */
static void test_no_name_scope_basic(void **state)
{
    FX;
    vs_scope *scope = NULL, *inner = NULL;
    VS_VARIABLE_SCOPE_AS(s, g, "scope", .no_name_scope = true) {
        scope = s;
        assert_string_equal(vs_scope_original_name_scope(s), "");
        assert_string_equal(vn(W(g, "w")), "scope/w:0");
        assert_string_equal(tn(C(g, "c")), "c:0");
    }
    VS_VARIABLE_SCOPE_REENTER(g, scope, .no_name_scope = true) {
        assert_string_equal(vs_scope_original_name_scope(scope), "");
        assert_string_equal(vn(W(g, "w1")), "scope/w1:0");
        assert_string_equal(tn(C(g, "c1")), "c1:0");
    }
    /* Recheck: new name scope is NOT created before */
    VS_NAME_SCOPE(g, "scope") {
        assert_string_equal(tn(C(g, "c")), "scope/c:0");
    }
    VS_VARIABLE_SCOPE(g, "outer") {
        VS_VARIABLE_SCOPE_AS(s, g, "inner", .no_name_scope = true) {
            inner = s;
            assert_string_equal(vs_scope_original_name_scope(s), "outer/");
            assert_string_equal(vn(W(g, "w")), "outer/inner/w:0");
            assert_string_equal(tn(C(g, "c")), "outer/c:0");
        }
        vs_scope *inner1 = vs_variable_scope_reenter(g, inner, .no_name_scope = true);
        assert_string_equal(vs_scope_original_name_scope(inner1), "outer/");
        assert_string_equal(vn(W(g, "w1")), "outer/inner/w1:0");
        assert_string_equal(tn(C(g, "c1")), "outer/c1:0");
        vs_scope_exit(g);
        /* Recheck: new name scope is NOT created before */
        VS_NAME_SCOPE(g, "inner") {
            assert_string_equal(tn(C(g, "c")), "outer/inner/c:0");
        }
    }
    EXPECT_NO_ERROR();
}

/* mirrors variable_scope_test.py
 * testCreatedByDefaultNameWhenAuxiliaryNameScopeIsFalse */
static void test_no_name_scope_default_name(void **state)
{
    FX;
    VS_VARIABLE_SCOPE_AS(s, g, NULL, .default_name = "default", .no_name_scope = true) {
        assert_string_equal(vs_scope_original_name_scope(s), "");
        assert_string_equal(vn(W(g, "w")), "default/w:0");
        assert_string_equal(tn(C(g, "c")), "c:0");
    }
    VS_NAME_SCOPE(g, "default") {
        assert_string_equal(tn(C(g, "c")), "default/c:0");
    }
    VS_VARIABLE_SCOPE(g, "outer") {
        VS_VARIABLE_SCOPE_AS(s, g, NULL, .default_name = "default", .no_name_scope = true) {
            assert_string_equal(vs_scope_original_name_scope(s), "outer/");
            assert_string_equal(vn(W(g, "w")), "outer/default/w:0");
            assert_string_equal(tn(C(g, "c")), "outer/c:0");
        }
        VS_NAME_SCOPE(g, "default") {
            assert_string_equal(tn(C(g, "c")), "outer/default/c:0");
        }
    }
    EXPECT_NO_ERROR();
}

/* mirrors variable_scope_test.py
 * testReenterRootScopeWhenAuxiliaryNameScopeIsFalse */
static void test_reenter_root_scope(void **state)
{
    FX;
    vs_scope *root = vs_get_variable_scope(g);
    VS_VARIABLE_SCOPE_REENTER(g, root, .no_name_scope = true) {
        vs_scope *scope = vs_get_variable_scope(g);
        assert_string_equal(vs_scope_original_name_scope(scope), "");
        assert_string_equal(vn(W(g, "w")), "w:0");
        assert_string_equal(tn(C(g, "c")), "c:0");
    }
    VS_VARIABLE_SCOPE(g, "outer") {
        VS_VARIABLE_SCOPE_REENTER(g, root, .no_name_scope = true) {
            vs_scope *inner = vs_get_variable_scope(g);
            assert_string_equal(vs_scope_original_name_scope(inner), "");
            assert_string_equal(vn(W(g, "w1")), "w1:0");
            assert_string_equal(tn(C(g, "c1")), "outer/c1:0");
        }
        /* with the auxiliary name scope: the root opens none (§5) */
        VS_VARIABLE_SCOPE_REENTER(g, root) {
            assert_string_equal(vs_current_name_scope(g), "outer/");
            assert_string_equal(vn(W(g, "w2")), "w2:0");
        }
    }
    EXPECT_NO_ERROR();
}

/* mirrors variable_scope_test.py testReuseScopeWithoutNameScopeCollision */
static void test_reuse_scope_without_name_scope_collision(void **state)
{
    FX;
    vs_scope *inner = NULL;
    VS_VARIABLE_SCOPE(g, "outer") {
        VS_VARIABLE_SCOPE_AS(s, g, "inner") { inner = s; }
    }
    VS_VARIABLE_SCOPE_REENTER(g, inner, .no_name_scope = true) {
        vs_scope *scope = vs_get_variable_scope(g);
        VS_NAME_SCOPE(g, vs_scope_original_name_scope(scope)) {
            assert_string_equal(vn(W(g, "w")), "outer/inner/w:0");
            assert_string_equal(tn(C(g, "c")), "outer/inner/c:0");
        }
        VS_NAME_SCOPE(g, "inner") {
            assert_string_equal(tn(C(g, "c")), "inner/c:0");
        }
    }
    VS_VARIABLE_SCOPE(g, "another") {
        VS_VARIABLE_SCOPE_REENTER(g, inner, .no_name_scope = true) {
            vs_scope *scope1 = vs_get_variable_scope(g);
            VS_NAME_SCOPE(g, vs_scope_original_name_scope(scope1)) {
                assert_string_equal(vn(W(g, "w1")), "outer/inner/w1:0");
                assert_string_equal(tn(C(g, "c1")), "outer/inner/c1:0");
            }
            VS_NAME_SCOPE(g, "inner") {
                assert_string_equal(tn(C(g, "c")), "another/inner/c:0");
            }
        }
    }
    EXPECT_NO_ERROR();
}

/* mirrors docs/tf-semantics.md §5: root reuse_variables() is permanent */
static void test_root_reuse_variables_is_permanent(void **state)
{
    FX;
    vs_scope *root = vs_get_variable_scope(g);
    vs_var *old = vs_get_variable(g, "old", .shape = VS_SHAPE(1));
    assert_int_equal(vs_scope_reuse(root), VS_REUSE_INHERIT);
    vs_reuse_variables(root);
    assert_int_equal(vs_scope_reuse(root), VS_REUSE);
    assert_ptr_equal(vs_get_variable(g, "old"), old);
    EXPECT_NO_ERROR();
    EXPECT_FAIL(VS_ERR_MISSING_VARIABLE, vs_get_variable(g, "new", .shape = VS_SHAPE(1)));
    VS_VARIABLE_SCOPE(g, "a") {
        EXPECT_FAIL(VS_ERR_MISSING_VARIABLE, vs_get_variable(g, "new", .shape = VS_SHAPE(1)));
    }
    VS_VARIABLE_SCOPE(g, "b", .reuse = VS_REUSE_INHERIT) {
        EXPECT_FAIL(VS_ERR_MISSING_VARIABLE, vs_get_variable(g, "new", .shape = VS_SHAPE(1)));
    }
    VS_VARIABLE_SCOPE(g, NULL, .default_name = "d") {
        EXPECT_FAIL(VS_ERR_MISSING_VARIABLE, vs_get_variable(g, "new", .shape = VS_SHAPE(1)));
    }
    assert_int_equal(vs_scope_reuse(vs_get_variable_scope(g)), VS_REUSE);
    assert_int_equal(nvars(g), 1);
}

/* mirrors docs/tf-semantics.md §2 + §5: a variable_scope("a/") opens its
 * auxiliary name scope with ops.name_scope("a/"), which ends in "/" and so
 * re-enters "a/" absolutely (ops.py Graph.name_scope; variable_scope.py
 * _enter_scope_uncached); original_name_scope is that yielded string */
static void test_variable_scope_name_with_trailing_slash(void **state)
{
    FX;
    VS_NAME_SCOPE(g, "outer") {
        VS_VARIABLE_SCOPE_AS(s, g, "a/") {
            assert_string_equal(vs_current_name_scope(g), "a/");
            assert_string_equal(vs_scope_original_name_scope(s), "a/");
            assert_string_equal(tn(C(g, "c")), "a/c:0");
        }
    }
    EXPECT_NO_ERROR();
}

/* mirrors docs/tf-semantics.md §5 (by string): an empty name opens no name scope
 * and records "" as the original name scope */
static void test_empty_variable_scope_name(void **state)
{
    FX;
    VS_NAME_SCOPE(g, "ns") {
        VS_VARIABLE_SCOPE_AS(s, g, "") {
            assert_string_equal(vs_scope_name(s), "");
            assert_string_equal(vs_scope_original_name_scope(s), "");
            assert_string_equal(vs_current_name_scope(g), "ns/");
            assert_string_equal(vn(W(g, "w")), "w:0");
        }
    }
    EXPECT_NO_ERROR();
}

/* ---- accessors and the notebook ---------------------------------------- */

/* mirrors docs/tf-semantics.md §5 (the root scope and its accessors) */
static void test_scope_accessors(void **state)
{
    FX;
    vs_scope *root = vs_get_variable_scope(g);
    assert_string_equal(vs_scope_name(root), "");
    assert_string_equal(vs_scope_original_name_scope(root), "");
    assert_int_equal(vs_scope_reuse(root), VS_REUSE_INHERIT);
    VS_VARIABLE_SCOPE_AS(a, g, "a") {
        assert_ptr_equal(vs_get_variable_scope(g), a);
        assert_string_equal(vs_scope_name(a), "a");
        assert_string_equal(vs_scope_original_name_scope(a), "a/");
        assert_int_equal(vs_scope_reuse(a), VS_REUSE_INHERIT);
        VS_VARIABLE_SCOPE_AS(b, g, "b", .reuse = VS_AUTO_REUSE) {
            assert_string_equal(vs_scope_name(b), "a/b");
            assert_string_equal(vs_scope_original_name_scope(b), "a/b/");
            assert_int_equal(vs_scope_reuse(b), VS_AUTO_REUSE);
        }
        assert_ptr_equal(vs_get_variable_scope(g), a);
    }
    VS_VARIABLE_SCOPE_AS(a, g, "a") {
        assert_string_equal(vs_scope_name(a), "a");
        assert_string_equal(vs_scope_original_name_scope(a), "a_1/");
    }
    VS_VARIABLE_SCOPE_AS(n, g, "n", .no_name_scope = true) {
        assert_string_equal(vs_scope_name(n), "n");
        assert_string_equal(vs_scope_original_name_scope(n), "");
        assert_string_equal(vs_current_name_scope(g), "");
    }
    assert_ptr_equal(vs_get_variable_scope(g), root);
    EXPECT_NO_ERROR();
}

/* mirrors the notebook In[6] (fixtures/seed/in6_name_scope_vs_variable_scope.c) */
static void test_seed_in6(void **state)
{
    FX;
    VS_NAME_SCOPE(g, "my_scope") {
        vs_var *v1 = vs_get_variable(g, "var1", .shape = VS_SHAPE(1), .dtype = VS_FLOAT32);
        vs_var *v2 = vs_variable(g, vs_scalar_f32(g, 1.0f), .name = "var2", .dtype = VS_FLOAT32);
        vs_tensor *a = vs_add(g, vs_value(v1), vs_value(v2));
        assert_string_equal(vn(v1), "var1:0");
        assert_string_equal(vn(v2), "my_scope/var2:0");
        assert_string_equal(tn(a), "my_scope/Add:0");
    }
    VS_VARIABLE_SCOPE(g, "my_scope") {
        vs_var *v1 = vs_get_variable(g, "var1", .shape = VS_SHAPE(1), .dtype = VS_FLOAT32);
        vs_var *v2 = vs_variable(g, vs_scalar_f32(g, 1.0f), .name = "var2", .dtype = VS_FLOAT32);
        vs_tensor *a = vs_add(g, vs_value(v1), vs_value(v2));
        assert_string_equal(vn(v1), "my_scope/var1:0");
        assert_string_equal(vn(v2), "my_scope_1/var2:0");
        assert_string_equal(tn(a), "my_scope_1/Add:0");
    }
    EXPECT_NO_ERROR();
}

/* mirrors the notebook In[7] */
static void test_seed_in7(void **state)
{
    FX;
    VS_NAME_SCOPE(g, "my_scope") {
        assert_string_equal(vn(vs_variable(g, vs_scalar_f32(g, 1.0f), .name = "var2", .dtype = VS_FLOAT32)), "my_scope/var2:0");
    }
    VS_NAME_SCOPE(g, "my_scope") {
        assert_string_equal(vn(vs_variable(g, vs_scalar_f32(g, 1.0f), .name = "var2", .dtype = VS_FLOAT32)), "my_scope_1/var2:0");
    }
    EXPECT_NO_ERROR();
}

/* ---- stack errors and block forms -------------------------------------- */

/* mirrors api: "scope-underflow: vs_scope_exit with nothing open" */
static void test_scope_underflow(void **state)
{
    FX;
    EXPECT_FAIL_VOID(VS_ERR_SCOPE_UNDERFLOW, vs_scope_exit(g));
    VS_NAME_SCOPE(g, "a") {}
    VS_VARIABLE_SCOPE(g, "b") {}
    EXPECT_NO_ERROR();
    EXPECT_FAIL_VOID(VS_ERR_SCOPE_UNDERFLOW, vs_scope_exit(g));
    assert_string_equal(vs_current_name_scope(g), "");
    assert_string_equal(vs_scope_name(vs_get_variable_scope(g)), "");
}

/* mirrors api: vs_graph_free "reports still-open scopes: one scope-leak
 * error each, innermost first, at the file and line where it was entered" */
static void test_scope_leak_at_free(void **state)
{
    FX;
    vs_scope *root = vs_get_variable_scope(g);
    int l1 = __LINE__; vs_name_scope_enter(g, "a");
    int l2 = __LINE__; vs_variable_scope_enter(g, "b");
    int l3 = __LINE__; vs_variable_scope_reenter(g, root);
    int l4 = __LINE__; vs_variable_scope_enter(g, NULL, .default_name = "d");
    EXPECT_NO_ERROR();
    vs_graph_free(g);
    f->g = NULL;
    assert_int_equal(f->r.count, 4);
    const int lines[4] = {l4, l3, l2, l1};
    for (int i = 0; i < 4; i++) {
        assert_int_equal(f->r.e[i].code, VS_ERR_SCOPE_LEAK);
        assert_int_equal(f->r.e[i].line, lines[i]);
        assert_string_equal(f->r.e[i].file, __FILE__);
    }
}

/* mirrors api: "if the enter fails, the body does not run and nothing is
 * exited" */
static void test_block_body_skipped_when_enter_fails(void **state)
{
    FX;
    int ran = 0;
    int l1 = __LINE__; VS_VARIABLE_SCOPE(g, NULL, .default_name = "d", .reuse = VS_REUSE) { ran = 1; }
    CHECK_(rec_check_one(&f->r, VS_ERR_REUSE_WITHOUT_NAME, __FILE__, l1));
    int l2 = __LINE__; VS_NAME_SCOPE(g, "bad name") { ran = 1; }
    CHECK_(rec_check_one(&f->r, VS_ERR_INVALID_NAME, __FILE__, l2));
    int l3 = __LINE__; VS_VARIABLE_SCOPE_REENTER(g, NULL) { ran = 1; }
    CHECK_(rec_check_one(&f->r, VS_ERR_INVALID_ARGUMENT, __FILE__, l3));
    int l4 = __LINE__; VS_VARIABLE_SCOPE_AS(s, g, "bad name") { (void)s; ran = 1; }
    CHECK_(rec_check_one(&f->r, VS_ERR_INVALID_NAME, __FILE__, l4));
    assert_int_equal(ran, 0);
    assert_string_equal(vs_current_name_scope(g), "");
    /* nothing was left open */
    EXPECT_FAIL_VOID(VS_ERR_SCOPE_UNDERFLOW, vs_scope_exit(g));
}

/* mirrors the header: leaving a block form by break skips the exit: the
 * scope stays open and vs_graph_free reports it where it was entered */
static void test_block_break_leaves_scope_open(void **state)
{
    FX;
    int l1 = __LINE__; VS_VARIABLE_SCOPE(g, "b") { break; }
    assert_string_equal(vs_scope_name(vs_get_variable_scope(g)), "b");
    assert_string_equal(vs_current_name_scope(g), "b/");
    int l2 = __LINE__; VS_NAME_SCOPE(g, "n") { break; }
    assert_string_equal(vs_current_name_scope(g), "b/n/");
    EXPECT_NO_ERROR();
    vs_graph_free(g);
    f->g = NULL;
    assert_int_equal(f->r.count, 2);
    assert_int_equal(f->r.e[0].code, VS_ERR_SCOPE_LEAK);
    assert_int_equal(f->r.e[0].line, l2);
    assert_int_equal(f->r.e[1].code, VS_ERR_SCOPE_LEAK);
    assert_int_equal(f->r.e[1].line, l1);
}

/* mirrors the header: continue ends the pass like falling off the end of
 * the body (a jump to the end of the loop body), so the scope is exited */
static void test_block_continue_exits_scope(void **state)
{
    FX;
    int before = 0, after = 0;
    VS_VARIABLE_SCOPE(g, "c") {
        before++;
        if (before)
            continue;
        after++;
    }
    VS_NAME_SCOPE(g, "n") {
        if (after == 0)
            continue;
        after++;
    }
    VS_VARIABLE_SCOPE_AS(s, g, "d") {
        (void)s;
        continue;
    }
    assert_int_equal(before, 1);
    assert_int_equal(after, 0);
    assert_string_equal(vs_current_name_scope(g), "");
    assert_string_equal(vs_scope_name(vs_get_variable_scope(g)), "");
    EXPECT_NO_ERROR();
    EXPECT_FAIL_VOID(VS_ERR_SCOPE_UNDERFLOW, vs_scope_exit(g));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FX_TEST(test_var_scope_get_var),
        FX_TEST(test_reuse_inherited_by_subscopes),
        FX_TEST(test_reuse_false_under_reusing_parent_stays_on),
        FX_TEST(test_reuse_child_under_auto_reuse_parent),
        FX_TEST(test_auto_reuse_child_under_reuse_parent),
        FX_TEST(test_reuse_variables_mid_block),
        FX_TEST(test_reentry_by_object_vs_by_name),
        FX_TEST(test_var_scope_object_reuse),
        FX_TEST(test_reentered_copy_is_independent),
        FX_TEST(test_non_reusing_object_inside_reusing_scope),
        FX_TEST(test_var_scope),
        FX_TEST(test_var_scope_name_scope),
        FX_TEST(test_var_scope_original_name_scope),
        FX_TEST(test_reentry_name_scope_is_last_component_made_unique),
        FX_TEST(test_var_scope_outer_scope),
        FX_TEST(test_var_scope_nested_outer_scope),
        FX_TEST(test_var_op_scope_reuse),
        FX_TEST(test_var_op_scope_reuse_param),
        FX_TEST(test_var_op_scope),
        FX_TEST(test_default_names_interleaved_substring_scopes),
        FX_TEST(test_default_names_continue_after_jump),
        FX_TEST(test_default_names_reset_when_parent_exits),
        FX_TEST(test_default_names_at_root_never_reset),
        FX_TEST(test_default_name_independent_of_name_scope_counter),
        FX_TEST(test_exit_resets_only_true_subscopes),
        FX_TEST(test_reuse_without_name),
        FX_TEST(test_no_name_and_no_default_name),
        FX_TEST(test_invalid_variable_scope_names),
        FX_TEST(test_no_name_scope_basic),
        FX_TEST(test_no_name_scope_default_name),
        FX_TEST(test_reenter_root_scope),
        FX_TEST(test_reuse_scope_without_name_scope_collision),
        FX_TEST(test_root_reuse_variables_is_permanent),
        FX_TEST(test_variable_scope_name_with_trailing_slash),
        FX_TEST(test_empty_variable_scope_name),
        FX_TEST(test_scope_accessors),
        FX_TEST(test_seed_in6),
        FX_TEST(test_seed_in7),
        FX_TEST(test_scope_underflow),
        FX_TEST(test_scope_leak_at_free),
        FX_TEST(test_block_body_skipped_when_enter_fails),
        FX_TEST(test_block_break_leaves_scope_open),
        FX_TEST(test_block_continue_exits_scope),
    };
    return cmocka_run_group_tests_name("scopes", tests, NULL, NULL);
}

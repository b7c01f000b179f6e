" Vim compiler file (Vim 8 and later, Neovim)
" Compiler:	scopecheck, the varscope linter
"
"   :compiler scopecheck     then   :make       (the quickfix list)
"
" :make checks the current file in its whole program (the compile database,
" or the cache's record of the last run over its directory).  Compiler
" flags for a project without compile_commands.json go in
" b:scopecheck_flags or g:scopecheck_flags, as they follow "--":
"
"   let g:scopecheck_flags = '-Iinclude -DUSE_VARSCOPE'
"
" Only buffer-local options are set (with :compiler; :compiler! sets the
" global ones, as for every compiler plugin).

if exists('current_compiler')
  finish
endif
let current_compiler = 'scopecheck'

if exists(':CompilerSet') != 2		" older Vim always used :setlocal
  command -nargs=* CompilerSet setlocal <args>
endif

let s:cpo_save = &cpo
set cpo&vim

" %:S: the file name quoted for the shell (spaces, quotes, anything)
let s:flags = get(b:, 'scopecheck_flags', get(g:, 'scopecheck_flags', ''))
let s:prg = get(g:, 'scopecheck_program', 'scopecheck') . ' --quiet %:S'
if s:flags !=# ''
  let s:prg .= ' -- ' . s:flags
endif
execute 'CompilerSet makeprg=' . escape(s:prg, ' \|"')

" findings (file:line:col: error|warning|note: message [rule]), the notes
" that explain them, and scopecheck's own problems (a file that does not
" parse, no compile flags), which must not look like a clean run
CompilerSet errorformat=
      \scopecheck:\ %trror:\ %f:%l:%c:\ %m,
      \scopecheck:\ %trror:\ %f:\ %m,
      \scopecheck:\ %trror:\ %m,
      \scopecheck:\ %tarning:\ %f:%l:\ %m,
      \scopecheck:\ %tarning:\ %m,
      \%f:%l:%c:\ %trror:\ %m,
      \%f:%l:%c:\ %tarning:\ %m,
      \%f:%l:%c:\ %tote:\ %m,
      \%-G%.%#

let &cpo = s:cpo_save
unlet s:cpo_save s:flags s:prg

import Foundation
import HelpdeskCore
import HelpdeskUseCases

/// The admin screen: users, the trash and the settings.
extension ConsoleController {
    var adminRows: Int {
        switch state.adminTab {
        case .users: state.admin.users.count
        case .trash: state.admin.trash.count
        case .settings: 1
        }
    }

    func loadAdmin() {
        guard let user = state.user, user.role == .admin else { return }
        let service = self.service
        background({
            var trash = TicketQuery()
            trash.trash = true
            trash.sort = .updated
            trash.limit = TicketQuery.maximumLimit
            return .admin(AdminData(
                    users: try await service.listUsers(role: nil, by: user), trash: try await service.listTickets(trash, by: user).tickets,
                    autoAssign: try await service.settings(by: user).autoAssign))
        })
    }

    var selectedUser: UserSummary? {
        state.adminTab == .users && state.admin.users.indices.contains(state.adminSelected) ? state.admin.users[state.adminSelected] : nil
    }

    var selectedTrash: TicketListing? {
        state.adminTab == .trash && state.admin.trash.indices.contains(state.adminSelected) ? state.admin.trash[state.adminSelected] : nil
    }

    func performAdmin(_ name: String) {
        switch name {
        case "admin.next-tab":
            let all = AdminTab.allCases
            state.adminTab = all[((all.firstIndex(of: state.adminTab) ?? 0) + 1) % all.count]
            state.adminSelected = 0
        case "admin.add-user":
            state.overlay = .form(.newUser())
        case "admin.change-role":
            guard let summary = selectedUser else { return }
            let roles = Role.allCases
            state.overlay = .menu(MenuState(
                purpose: .userRole, title: "Role of \(summary.user.email)", items: roles.map(\.rawValue), values: roles.map(\.rawValue),
                selected: roles.firstIndex(of: summary.user.role) ?? 0, target: .user(email: summary.user.email)))
        case "admin.toggle-active":
            guard let summary = selectedUser, let user = state.user else { return }
            let target = summary.user
            let service = self.service
            background({
                var title = target.isActive ? "Deactivate \(target.email)?" : "Reactivate \(target.email)?"
                if target.isActive, target.role.isStaff {
                    // Counted over every open ticket, not over the first page of a list.
                    var open = TicketQuery()
                    open.assignee = .email(target.email)
                    open.statuses = TicketStatus.allCases.filter(\.isActive)
                    open.limit = 3
                    let total = try await service.countTickets(open, by: user)
                    let first = try await service.listTickets(open, by: user).tickets.map(\.ticket.number)
                    if total > 0 {
                        title += " Still assigned: " + first.joined(separator: ", ") + (total > first.count ? " +\(total - first.count) more" : "")
                    }
                }
                return .openMenu(MenuState(
                    purpose: .confirmUserActive, title: title, items: ["Cancel", target.isActive ? "Deactivate" : "Reactivate"],
                    values: ["no", target.email]))
            })
        case "admin.reset-password":
            guard let summary = selectedUser else { return }
            state.overlay = .menu(MenuState(
                purpose: .confirmReset, title: "Reset the password of \(summary.user.email)?", items: ["Cancel", "Generate a new password"],
                values: ["no", summary.user.email]))
        case "admin.restore":
            guard let listing = selectedTrash else { return }
            state.overlay = .menu(MenuState(
                purpose: .confirmRestore, title: "Restore \(listing.ticket.number)?", items: ["Cancel", "Restore"],
                values: ["no", listing.ticket.number]))
        case "admin.purge":
            guard let listing = selectedTrash else { return }
            state.overlay = .menu(MenuState(
                purpose: .confirmPurge, title: "Erase \(listing.ticket.number) for good?", items: ["Cancel", "Purge (cannot be undone)"],
                values: ["no", listing.ticket.number]))
        case "admin.toggle-setting":
            guard state.adminTab == .settings else { return }
            let enabled = !state.admin.autoAssign
            write { service, user in
                _ = try await service.setAutoAssign(enabled, by: user)
                return "Automatic assignment is \(enabled ? "on" : "off")"
            }
        default: break
        }
    }

    /// The admin menus' choices.
    func chooseAdmin(_ purpose: MenuPurpose, value: String, menu: MenuState) {
        guard value != "no" else { return }
        switch purpose {
        case .userRole:
            guard case .user(let email)? = menu.target else { return }
            write { service, user in
                let changed = try await service.setRole(email: email, role: value, by: user)
                return "\(changed.email) is now \(changed.role.rawValue)"
            }
        case .confirmUserActive:
            let activate = menu.items.last == "Reactivate"
            write { service, user in
                _ = try await service.setActive(email: value, active: activate, by: user)
                return activate ? "Reactivated \(value)" : "Deactivated \(value)"
            }
        case .confirmReset:
            guard let user = state.user else { return }
            let service = self.service
            background({
                let (_, generated) = try await service.resetPassword(email: value, to: nil, by: user)
                return .done(message: "New password for \(value) (shown once): \(generated ?? "")", reload: true)
            })
        case .confirmRestore:
            write { service, user in
                _ = try await service.restoreTicket(number: value, by: user)
                return "Restored \(value)"
            }
        case .confirmPurge:
            write { service, user in
                try await service.purgeTicket(number: value, by: user)
                return "Purged \(value)"
            }
        default: break
        }
    }
}
